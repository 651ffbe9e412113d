import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFile } from "./src/db/databaseUrl.js";

// The JS engine + driver adapter keep every Prisma command offline: Prisma 6's native schema
// engine would be downloaded on first use, which fails on air-gapped machines.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseFile() }),
});
