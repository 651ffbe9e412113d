import { describe, expect, it } from "vitest";
import { toPostgresSql } from "../../src/db/toPostgresSql.js";

describe("toPostgresSql", () => {
  it("numbers placeholders in order and quotes camelCase identifiers", () => {
    expect(toPostgresSql(`SELECT m.*, m.dateSort AS _k FROM "Meeting" m WHERE m.placeId = ? AND m.kind = ? LIMIT ?`)).toBe(
      `SELECT m.*, m."dateSort" AS _k FROM "Meeting" m WHERE m."placeId" = $1 AND m.kind = $2 LIMIT $3`,
    );
  });

  it("leaves string literals and quoted identifiers alone, '' and \"\" escapes included", () => {
    expect(toPostgresSql(`SELECT "dateSort", 'a ? camelCase ''x?''' FROM "Actor" WHERE slug = ?`)).toBe(
      `SELECT "dateSort", 'a ? camelCase ''x?''' FROM "Actor" WHERE slug = $1`,
    );
  });

  it("turns json_each(?) into integer rows with a value column, keeping placeholder order", () => {
    expect(toPostgresSql(`SELECT value FROM json_each(?) WHERE value > ?`)).toBe(
      `SELECT value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($1::json)) AS json_each WHERE value > $2`,
    );
  });

  it("turns a batch filter into an array the planner can use as an index condition", () => {
    expect(toPostgresSql(`SELECT * FROM "Actor" WHERE kind = ? AND id IN (SELECT value FROM json_each(?)) LIMIT ?`)).toBe(
      `SELECT * FROM "Actor" WHERE kind = $1 AND id = ANY(ARRAY(SELECT value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($2::json)) AS json_each)) LIMIT $3`,
    );
    expect(toPostgresSql(`WITH keys(id) AS (SELECT value FROM json_each(?)) SELECT * FROM "Evidence" e WHERE e.articleId IN (SELECT id FROM keys)`)).toBe(
      `WITH keys(id) AS (SELECT value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($1::json)) AS json_each) SELECT * FROM "Evidence" e WHERE e."articleId" = ANY(ARRAY(SELECT id FROM keys))`,
    );
  });

  it("turns a tree CTE inside IN into an array, numbering the placeholders after it in order", () => {
    const tree = `WITH RECURSIVE tree(root, id) AS (
      SELECT value, value FROM json_each(?)
      UNION
      SELECT tree.root, t.id FROM "Topic" t JOIN tree ON t."parentId" = tree.id)`;
    expect(toPostgresSql(`SELECT mt.meetingId FROM "MeetingTopic" mt WHERE mt.topicId IN (${tree} SELECT id FROM tree) AND mt.dateSort BETWEEN ? AND ?`)).toBe(
      `SELECT mt."meetingId" FROM "MeetingTopic" mt WHERE mt."topicId" = ANY(ARRAY(WITH RECURSIVE tree(root, id) AS (
      SELECT value, value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($1::json)) AS json_each
      UNION
      SELECT tree.root, t.id FROM "Topic" t JOIN tree ON t."parentId" = tree.id) SELECT id FROM tree)) AND mt."dateSort" BETWEEN $2 AND $3`,
    );
  });

  it("keeps IN for sets that grow with the record, and NOT IN as written", () => {
    expect(toPostgresSql(`SELECT id FROM "Article" ar WHERE ar.id IN (SELECT articleId FROM "Mention" WHERE actorId = ?)`)).toBe(
      `SELECT id FROM "Article" ar WHERE ar.id IN (SELECT "articleId" FROM "Mention" WHERE "actorId" = $1)`,
    );
    expect(toPostgresSql(`SELECT 1 FROM p WHERE p.actorId NOT IN (SELECT id FROM tree WHERE tree.root = mine.root)`)).toBe(
      `SELECT 1 FROM p WHERE p."actorId" NOT IN (SELECT id FROM tree WHERE tree.root = mine.root)`,
    );
    expect(toPostgresSql(`SELECT 1 FROM p WHERE p.id NOT IN (SELECT value FROM json_each(?))`)).toBe(
      `SELECT 1 FROM p WHERE p.id NOT IN (SELECT value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($1::json)) AS json_each)`,
    );
  });

  it("turns json_group_array into json_agg returning text", () => {
    expect(toPostgresSql(`SELECT json_group_array(DISTINCT mine.meetingId) AS meetingIds FROM mine`)).toBe(
      `SELECT json_agg(DISTINCT mine."meetingId")::text AS "meetingIds" FROM mine`,
    );
  });

  it("leaves keywords, snake_case and upper-case names as they are", () => {
    expect(toPostgresSql(`SELECT ROW_NUMBER() OVER (PARTITION BY s._p ORDER BY s._k) AS _rn, COUNT(*) AS n FROM x`)).toBe(
      `SELECT ROW_NUMBER() OVER (PARTITION BY s._p ORDER BY s._k) AS _rn, COUNT(*) AS n FROM x`,
    );
  });

  it("refuses an unterminated literal instead of guessing", () => {
    expect(() => toPostgresSql(`SELECT 'oops`)).toThrow(/Unterminated/);
  });
});
