import { syncPostgresMigrations } from "../db/postgres/syncPostgresMigrations.js";

// `npm run db:postgres:sync`: regenerate prisma/postgres/schema.prisma from prisma/schema.prisma,
// and write the PostgreSQL twin of every SQLite migration that has none yet. Existing PostgreSQL
// migrations are left alone.
try {
  const { written, review } = syncPostgresMigrations();
  console.log(written.length === 0 ? "prisma/postgres/ is in step with prisma/: nothing to write." : `Wrote ${written.join(", ")}.`);
  for (const file of review) {
    console.log(`Review ${file}: its SQLite twin was edited by hand after \`prisma migrate diff\`, and may need the same change.`);
  }
  if (written.some((file) => file.endsWith("schema.prisma"))) {
    console.log("Run `npx prisma generate --config prisma/postgres/prisma.config.ts` to refresh the PostgreSQL client.");
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
