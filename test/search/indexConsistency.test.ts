import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/createPrisma.js";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { fillSearchColumns } from "../../src/search/fillSearchColumns.js";
import { searchPage } from "../../src/search/searchPage.js";
import { verifySearchIndex } from "../../src/search/verifySearchIndex.js";
import { seedDatabase } from "../../src/seed/seedDatabase.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
beforeEach(() => {
  database = migratedDatabase();
});
afterEach(() => database.remove());

/** Runs `fn` over a fresh connection to the test database (never the one Prisma writes through). */
function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(database.file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Every hit of a search as `TYPE:id`, through the read path's search function. */
async function hits(query: string, types?: ("ARTICLE" | "ACTOR" | "MEETING" | "TOPIC")[]): Promise<string[]> {
  const db = openDatabase(database.file);
  try {
    return (await searchPage(new Sql(db), { query, types: types ?? null, first: 100 })).edges.map((e) => `${e.type}:${e.id}`);
  } finally {
    db.close();
  }
}
const problems = () => withDb(verifySearchIndex);
const indexSize = () => withDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM "SearchIndex"`).get() as { n: number }).n);
const recordSize = () =>
  withDb((db) => (db.prepare(`SELECT (SELECT COUNT(*) FROM "Actor") + (SELECT COUNT(*) FROM "Article") + (SELECT COUNT(*) FROM "Meeting") + (SELECT COUNT(*) FROM "Topic") AS n`).get() as { n: number }).n);

const ARTICLE = {
  slug: "test-article",
  headline: "عنوان تجريبي عن الكركدن",
  body: "نص أول يذكر الزرافة في بغداد.",
  language: "ar",
  contentHash: "test-hash",
  datePrecision: "DAY",
  dateEarliest: "2024-01-01",
  dateLatest: "2024-01-01",
  dateDerivation: "STATED",
  dateSort: "2024-01-01",
};

describe("the index follows every write", () => {
  it("is consistent after seeding, and unchanged by seeding again", async () => {
    await seedDatabase(database.file);
    expect(problems()).toEqual([]);
    const size = indexSize();
    expect(size).toBe(recordSize());
    const before = [await hits("الناتو"), await hits("Araji"), await hits('"الأمن السيبراني"')];
    await seedDatabase(database.file);
    expect(problems()).toEqual([]);
    expect(indexSize()).toBe(size);
    expect([await hits("الناتو"), await hits("Araji"), await hits('"الأمن السيبراني"')]).toEqual(before);
  });

  it("follows creates, updates, upserts and deletes made through Prisma, in and out of transactions", async () => {
    await seedDatabase(database.file);
    const prisma = createPrisma(database.file);
    try {
      const { id } = await prisma.article.create({ data: ARTICLE, select: { id: true } });
      expect(await hits("الزرافة")).toEqual([`ARTICLE:${id}`]);
      expect(await hits("الكركدن")).toEqual([`ARTICLE:${id}`]);

      await prisma.article.update({ where: { id }, data: { body: "نص ثانٍ يذكر الفِيَلة في أربيل." } });
      expect(await hits("الزرافة")).toEqual([]);
      expect(await hits("الفيله")).toEqual([`ARTICLE:${id}`]);
      expect(await hits("الكركدن")).toEqual([`ARTICLE:${id}`]);

      await prisma.$transaction(async (tx) => {
        await tx.article.update({ where: { id }, data: { headline: { set: null } } });
        await tx.meeting.updateMany({ where: { slug: "2018-07-01-nato-summit-brussels" }, data: { summaryEn: "The Wales summit of the wombats." } });
      });
      expect(await hits("الكركدن")).toEqual([]);
      expect(await hits("wombats", ["MEETING"])).toHaveLength(1);
      expect(await hits("summit", ["MEETING"])).toEqual(await hits("wombats", ["MEETING"]));

      await prisma.article.upsert({ where: { slug: ARTICLE.slug }, create: ARTICLE, update: { body: "نص ثالث عن النعامة" } });
      expect(await hits("النعامة")).toEqual([`ARTICLE:${id}`]);
      expect(problems()).toEqual([]);

      await prisma.article.delete({ where: { id } });
      expect(await hits("النعامة")).toEqual([]);
      const meeting = (await prisma.meeting.findUniqueOrThrow({ where: { slug: "2018-07-01-nato-summit-brussels" } })).id;
      await prisma.meeting.delete({ where: { id: meeting } });
      expect(await hits("wombats")).toEqual([]);
      // Deleting an actor removes its document too, and the rows that cascade with it change nothing else.
      const loiseau = (await prisma.actor.findUniqueOrThrow({ where: { slug: "nathalie-loiseau" } })).id;
      await prisma.actor.delete({ where: { id: loiseau } });
      expect(await hits("Loiseau", ["ACTOR"])).toEqual([]);
      expect(problems()).toEqual([]);
      expect(indexSize()).toBe(recordSize());
    } finally {
      await prisma.$disconnect();
    }
  });

  it("follows plain SQL writes on any connection, since the triggers are SQL", async () => {
    await seedDatabase(database.file);
    withDb((db) => {
      db.prepare(`UPDATE "Meeting" SET searchSummaryEn = 'okapi' WHERE slug = '2018-07-01-nato-summit-brussels'`).run();
      db.prepare(`DELETE FROM "Topic" WHERE slug = 'dialogue-of-civilisations'`).run();
    });
    expect(await hits("okapi")).toHaveLength(1);
    expect(await hits('"حوار الحضارات"', ["TOPIC"])).toEqual([]);
  });

  it("repairs shadow columns a plain SQL write left stale with fillSearchColumns({ all: true })", async () => {
    await seedDatabase(database.file);
    withDb((db) => db.prepare(`UPDATE "Meeting" SET summaryEn = 'A meeting about pangolins.' WHERE slug = '2018-07-01-nato-summit-brussels'`).run());
    expect(await hits("pangolins")).toEqual([]);
    // The index still matches the shadow column; the shadow column no longer matches the text.
    expect(problems()).toEqual(["meeting 2018-07-01-nato-summit-brussels: searchSummaryEn is stale"]);
    expect(withDb((db) => fillSearchColumns(db, { all: true }))).toBe(1);
    expect(await hits("pangolins")).toHaveLength(1);
    expect(problems()).toEqual([]);
    expect(withDb((db) => fillSearchColumns(db, { all: true }))).toBe(0);
  });
});

describe("upgrading a database made before the search index", () => {
  it("keeps every row, then indexes the old articles and meetings once their text is normalised", async () => {
    database.remove();
    const dir = mkdtempSync(join(tmpdir(), "taawun-upgrade-"));
    try {
      const old = join(dir, "migrations");
      const first = readMigrations()[0]!;
      cpSync(join(MIGRATIONS_DIR, first.name), join(old, first.name), { recursive: true });
      const file = join(dir, "old.db");
      const db = openDatabase(file);
      try {
        migrate(db, old);
        db.prepare(`INSERT INTO "Article" (id, slug, headline, body, language, contentHash, datePrecision, dateDerivation, dateSort) VALUES (7, 'old', NULL, 'زار الأعرجي بروكسل', 'ar', 'h', 'DAY', 'STATED', '')`).run();
        db.prepare(`INSERT INTO "Evidence" (articleId, field, start, "end", quote) VALUES (7, 'BODY', 0, 3, 'زار')`).run();
        db.prepare(`INSERT INTO "Meeting" (id, slug, kind, summaryEn, summaryAr, datePrecision, dateDerivation, dateSort) VALUES (3, 'm', 'MEETING', 'Araji in Brussels', 'الأعرجي في بروكسل', 'DAY', 'STATED', '')`).run();

        migrate(db);
        expect((db.prepare(`SELECT COUNT(*) AS n FROM "Evidence"`).get() as { n: number }).n).toBe(1);
        const sql = new Sql(db);
        expect((await searchPage(sql, { query: "الأعرجي" })).edges).toEqual([]);
        expect(fillSearchColumns(db)).toBe(2);
        expect((await searchPage(sql, { query: "الأعرجي" })).edges.map((e) => `${e.type}:${e.id}`).sort()).toEqual(["ARTICLE:7", "MEETING:3"]);
        expect((await searchPage(sql, { query: "Araji" })).edges.map((e) => `${e.type}:${e.id}`)).toEqual(["MEETING:3"]);
        expect(verifySearchIndex(db)).toEqual([]);
        expect(fillSearchColumns(db)).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    database = migratedDatabase();
  });
});
