import { makeExecutableSchema } from "@graphql-tools/schema";
import { getOperationAST, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileOperation } from "../../src/compiled/compileOperation.js";
import { FIELD_SQL } from "../../src/compiled/fieldSql.js";
import type { FieldSql } from "../../src/compiled/fieldSql.js";
import { resolvers } from "../../src/schema/resolvers.js";
import { loadTypeDefs } from "../../src/schema/typeDefs.js";
import type { Logger } from "../../src/server/logger.js";
import { silentLogger } from "../../src/server/logger.js";
import { createTestApi } from "../support/testApi.js";
import type { TestApi } from "../support/testApi.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// A compiled statement that fails is a bug in the compiler, not in the request: the resolvers must
// still answer, and the log must say so once, not on every request.
let database: TestDatabase;
let api: TestApi;
const warnings: { message: string; fields: Record<string, unknown> | undefined }[] = [];
const logger: Logger = { ...silentLogger, warn: (message, fields) => void warnings.push({ message, fields }) };

beforeAll(async () => {
  database = await seededDatabase();
  api = await createTestApi(database.file, logger);
});

afterAll(async () => {
  await api?.close();
  await database?.remove();
});

describe("a compiled read that fails", () => {
  it("is answered by the resolvers, with one warning naming the operation", async () => {
    const fields = FIELD_SQL.Actor as Record<string, FieldSql>;
    const original = fields.nameEn!;
    // A column that does not exist: SQLite refuses the statement when it is prepared.
    fields.nameEn = { kind: "value", sql: (a) => `${a}."noSuchColumn"` };
    try {
      const query = `query BrokenName($slug: String!) { actor(slug: $slug) { slug nameEn } }`;
      const first = await api.run(query, { slug: "qasim-al-araji" });
      const second = await api.run(query, { slug: "stuart-munsch" });
      expect(first).toMatchObject({ errors: undefined, compiled: false, data: { actor: { slug: "qasim-al-araji", nameEn: "Qasim al-Araji" } } });
      expect(second).toMatchObject({ errors: undefined, compiled: false, data: { actor: { slug: "stuart-munsch" } } });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toBe("compiled read failed; the resolvers answered");
      expect(warnings[0]!.fields).toMatchObject({ operation: "BrokenName", error: expect.stringContaining("noSuchColumn") });
    } finally {
      fields.nameEn = original;
    }
  });

  it("does not touch other documents: they still compile", async () => {
    const answer = await api.run(`{ actor(slug: "qasim-al-araji") { nameEn } }`);
    expect(answer).toMatchObject({ compiled: true, data: { actor: { nameEn: "Qasim al-Araji" } } });
  });
});

describe("a selection wider than json_build_object takes", () => {
  // PostgreSQL's json_build_object takes at most 100 arguments, two per key: more than 50 keys on
  // one object are left to the resolvers (src/compiled/objectJsonSql.ts). The API's alias limit (30)
  // keeps requests below that today, so the compiler is asked directly.
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
  const compile = (keys: number, dialect: "sqlite" | "postgres") => {
    const document = parse(`{ actor(slug: "qasim-al-araji") { ${Array.from({ length: keys }, (_, i) => `k${i}: slug`).join(" ")} } }`);
    return compileOperation(schema, document, getOperationAST(document)!, dialect);
  };
  it("is not compiled from 51 keys, and is up to 50, on either reader", () => {
    for (const dialect of ["sqlite", "postgres"] as const) {
      expect(compile(51, dialect), dialect).toBeNull();
      expect(compile(50, dialect), dialect).not.toBeNull();
    }
  });
});
