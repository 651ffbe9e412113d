import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The PostgreSQL twin of /prisma.config.ts, for Prisma commands on the PostgreSQL schema:
//   npx prisma generate --config prisma/postgres/prisma.config.ts
//   DATABASE_URL=postgres://… npx prisma migrate status --config prisma/postgres/prisma.config.ts
// Paths are relative to this file. The JS engine + driver adapter keep the CLI offline, as in the
// SQLite config. Migrations are applied by src/db/postgres/migratePostgres.ts, not by
// `prisma migrate deploy` (broken through the pg adapter: prisma/orm#27403).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url || !/^postgres(ql)?:\/\//.test(url)) {
      throw new Error("prisma/postgres/prisma.config.ts connects to DATABASE_URL: set it to a postgres://… URL.");
    }
    // Without allowExitOnIdle the pool's 10 s idle timer keeps every command alive after it is done.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  },
});
