import { afterAll, beforeAll, expect, it } from "vitest";
import { ANONYMOUS } from "../../src/auth/Caller.js";
import type { Caller } from "../../src/auth/Caller.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { importRecord } from "../../src/export/importRecord.js";
import { readExport } from "../../src/export/readExport.js";
import { writeExport } from "../../src/export/writeExport.js";
import { toGlobalId } from "../../src/ids/globalId.js";
import { verifySearchIndex } from "../../src/search/verifySearchIndex.js";
import { migratedDatabase, seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { createAccessApi } from "../auth/support/accessApi.js";
import type { AccessApi } from "../auth/support/accessApi.js";

// Two seed actors a reviewer could well judge to be one office (the media office of the prime minister's office).
const KEEP = "office-of-the-iraqi-prime-minister";
const DROP = "iraqi-prime-minister-media-office";
const MERGE = `mutation ($keep: String!, $drop: String!) { mergeActors(keep: $keep, drop: $drop) { slug aliases { text } } }`;

let database: TestDatabase;
let api: AccessApi;
let reader: Caller;
let editor: Caller;
let admin: Caller;

beforeAll(async () => {
  database = await seededDatabase();
  api = await createAccessApi(database.file);
  reader = (await api.key("reader-1", "reader")).caller;
  editor = (await api.key("editor-1", "editor")).caller;
  admin = (await api.key("admin-1", "admin")).caller;
});
afterAll(async () => {
  await api.close();
  database.remove();
});

const idOf = (slug: string) => (api.db.prepare(`SELECT id FROM "Actor" WHERE slug = ?`).get(slug) as { id: number } | undefined)?.id;
const countFor = (table: string, column: string, id: number) => (api.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(id) as { n: number }).n;
const code = async (caller: Caller, query: string, variables: Record<string, unknown>) => (await api.run(caller, query, variables)).errors?.[0]?.extensions.code;

it("is for admins only, and refuses the same actor twice or an unknown one", async () => {
  expect(await code(ANONYMOUS, MERGE, { keep: KEEP, drop: DROP })).toBe("UNAUTHENTICATED");
  expect(await code(reader, MERGE, { keep: KEEP, drop: DROP })).toBe("FORBIDDEN");
  expect(await code(editor, MERGE, { keep: KEEP, drop: DROP })).toBe("FORBIDDEN");
  expect(await code(admin, MERGE, { keep: KEEP, drop: KEEP })).toBe("BAD_USER_INPUT");
  expect(await code(admin, MERGE, { keep: KEEP, drop: "no-such-actor" })).toBe("BAD_USER_INPUT");
  expect(idOf(DROP)).toBeDefined();
});

it("moves every fact to the kept actor and leaves a redirect for the dropped slug and id", async () => {
  const keepId = idOf(KEEP)!;
  const dropId = idOf(DROP)!;
  const before = {
    mentions: countFor("Mention", "actorId", keepId) + countFor("Mention", "actorId", dropId),
    positions: countFor("Position", "actorId", keepId) + countFor("Position", "actorId", dropId),
    affiliates: countFor("Actor", "affiliationId", keepId) + countFor("Actor", "affiliationId", dropId),
  };
  const dropRow = api.db.prepare(`SELECT nameAr, affiliationId FROM "Actor" WHERE id = ?`).get(dropId) as { nameAr: string; affiliationId: number | null };
  const dropName = dropRow.nameAr;
  expect(before.mentions).toBeGreaterThan(0);
  const { data, errors } = await api.run(admin, MERGE, { keep: KEEP, drop: DROP });
  expect(errors).toBeUndefined();
  expect(data.mergeActors.slug).toBe(KEEP);
  expect(data.mergeActors.aliases.map((a: { text: string }) => a.text)).toContain(dropName);
  expect(idOf(DROP)).toBeUndefined();
  expect(countFor("Mention", "actorId", keepId)).toBe(before.mentions);
  expect(countFor("Position", "actorId", keepId)).toBe(before.positions);
  // Drop's affiliates now belong to keep; drop itself (if it was keep's affiliate) is gone.
  expect(countFor("Actor", "affiliationId", keepId)).toBe(before.affiliates - (dropRow.affiliationId === keepId ? 1 : 0));
  for (const table of ["Mention", "Participant", "Position", "ActorAlias"]) expect(countFor(table, "actorId", dropId)).toBe(0);

  const bySlug = await api.run(ANONYMOUS, `{ actor(slug: "${DROP}") { slug } }`);
  expect(bySlug.data).toEqual({ actor: { slug: KEEP } });
  const byId = await api.run(ANONYMOUS, `{ actor(id: "${toGlobalId("Actor", dropId)}") { slug } }`);
  expect(byId.data).toEqual({ actor: { slug: KEEP } });
  const byNode = await api.run(ANONYMOUS, `{ node(id: "${toGlobalId("Actor", dropId)}") { ... on Actor { slug } } }`);
  expect(byNode.data).toEqual({ node: { slug: KEEP } });
  expect(verifySearchIndex(api.db)).toEqual([]);
  const audit = api.db.prepare(`SELECT actor, target FROM "AuditLog" WHERE action = 'actor.merge'`).all();
  expect(audit).toEqual([{ actor: "key:admin-1", target: `actor:${KEEP}` }]);
});

it("keeps one participation where both actors took part in the same meeting in the same role", async () => {
  // In the seed, both attend meeting 3 as PRESENT: merged, the meeting lists the kept actor once.
  const [keep, drop] = ["abdul-amir-al-shammari", "burso-san"];
  const keepId = idOf(keep)!;
  const shared = api.db.prepare(`SELECT meetingId, role FROM "Participant" WHERE actorId = ? INTERSECT SELECT meetingId, role FROM "Participant" WHERE actorId = ?`).all(keepId, idOf(drop)!);
  expect(shared.length).toBeGreaterThan(0);
  const total = countFor("Participant", "actorId", keepId) + countFor("Participant", "actorId", idOf(drop)!);
  expect((await api.run(admin, MERGE, { keep, drop })).errors).toBeUndefined();
  expect(countFor("Participant", "actorId", keepId)).toBe(total - shared.length);
  const dup = api.db.prepare(`SELECT meetingId, role, COUNT(*) AS n FROM "Participant" WHERE actorId = ? GROUP BY meetingId, role HAVING n > 1`).all(keepId);
  expect(dup).toEqual([]);
});

it("carries redirects through export and import", async () => {
  const file = `${database.dir}/merged.jsonl`;
  await writeExport(api.db, file);
  const target = migratedDatabase();
  const prisma = createPrisma(target.file);
  try {
    await importRecord(prisma, await readExport(file));
    const restored = await prisma.actorRedirect.findMany({ select: { fromSlug: true, fromId: true, actorId: true }, orderBy: { id: "asc" } });
    expect(restored).toEqual(api.db.prepare(`SELECT fromSlug, fromId, actorId FROM "ActorRedirect" ORDER BY id`).all());
    expect(restored).toHaveLength(2);
  } finally {
    await prisma.$disconnect();
    target.remove();
  }
});
