import { parseArgs } from "node:util";
import { cliActor, recordAudit } from "../audit/recordAudit.js";
import { createApiKey, listApiKeys, revokeApiKey } from "../auth/apiKeys.js";
import { ROLES } from "../auth/roles.js";
import { createPrisma } from "../db/createPrisma.js";
import { databaseTarget } from "../db/databaseTarget.js";
import { migrateTarget } from "../db/migrateTarget.js";
import { openReader } from "../db/openReader.js";
import { writeTransaction } from "../db/writeTransaction.js";

// `npm run keys -- create --role editor --name alice | list | revoke <id|name>`: manage API keys
// on the server itself (how the first admin key is made). Every change is in the audit log.
const USAGE = `Usage:
  npm run keys -- create --role <${ROLES.join("|")}> --name <name>
  npm run keys -- list
  npm run keys -- revoke <id|name>`;

let parsed: { positionals: string[]; values: { role?: string; name?: string } };
try {
  parsed = parseArgs({ options: { role: { type: "string" }, name: { type: "string" } }, allowPositionals: true, strict: true });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}
const { positionals, values } = parsed;
const [command, ...rest] = positionals;
const target = databaseTarget();
await migrateTarget(target);
const reader = openReader(target, { poolSize: 1 });

async function run(): Promise<void> {
  if (command === "list" && rest.length === 0) {
    const keys = await listApiKeys(reader.sql);
    if (keys.length === 0) return console.log("No API keys yet. Make one with: npm run keys -- create --role admin --name <name>");
    console.table(keys.map(({ id, name, role, prefix, createdAt, createdBy, revokedAt }) => ({ id, name, role, prefix: `${prefix}…`, createdAt, createdBy, revoked: revokedAt ?? "" })));
    return;
  }
  const prisma = createPrisma(target);
  try {
    if (command === "create" && rest.length === 0 && values.role && values.name) {
      const { role, name } = values;
      const created = await writeTransaction(prisma, async (tx) => {
        const made = await createApiKey(tx, { name, role, createdBy: cliActor() });
        await recordAudit(tx, { actor: cliActor(), keyId: null, action: "apiKey.create", target: `apiKey:${name}`, details: { role, prefix: made.key.prefix } });
        return made;
      });
      console.log(`Made ${created.key.role} key "${created.key.name}" (id ${created.key.id}). Its secret, shown this once:\n\n  ${created.secret}\n`);
      console.log("Store it now (only its hash is kept). Clients send it as: Authorization: Bearer <secret>");
      return;
    }
    if (command === "revoke" && rest.length === 1) {
      const ref = rest[0]!;
      const revoked = await writeTransaction(prisma, async (tx) => {
        const result = await revokeApiKey(tx, ref, { byId: true });
        if (result?.changed) await recordAudit(tx, { actor: cliActor(), keyId: null, action: "apiKey.revoke", target: `apiKey:${result.key.name}`, details: { role: result.key.role, prefix: result.key.prefix } });
        return result;
      });
      if (!revoked) {
        console.error(`No key has the name or id "${ref}". See them with: npm run keys -- list`);
        process.exitCode = 1;
      } else {
        console.log(revoked.changed ? `Revoked "${revoked.key.name}"; requests with it now get 401.` : `"${revoked.key.name}" was already revoked at ${revoked.key.revokedAt}.`);
      }
      return;
    }
    console.error(USAGE);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

try {
  await run();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await reader.close();
}
