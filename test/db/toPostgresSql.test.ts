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
    expect(toPostgresSql(`SELECT * FROM "Actor" WHERE kind = ? AND id IN (SELECT value FROM json_each(?)) LIMIT ?`)).toBe(
      `SELECT * FROM "Actor" WHERE kind = $1 AND id IN (SELECT value FROM (SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($2::json)) AS json_each) LIMIT $3`,
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
