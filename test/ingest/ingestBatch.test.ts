import { afterAll, beforeAll, expect, it } from "vitest";
import { createPrisma } from "../../src/db/createPrisma.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { ingestBatch } from "../../src/ingest/store/ingestBatch.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// Fictional reports written for this test: an EU official received in Baghdad, and a phone call.
const TEXTS = [
  {
    source: "eu.txt",
    text: "استقبل وزير الخارجية فؤاد حسين، اليوم الأحد في بغداد، رئيسة بعثة الاتحاد الأوروبي الاستشارية في العراق، السفيرة إلينا مارتينيز، وبحثا دعم إصلاح القطاع الأمني.",
  },
  {
    source: "call.txt",
    text: "تلقى مستشار الأمن القومي قاسم الأعرجي اتصالاً هاتفياً من نائب الأمين العام لحلف شمال الأطلسي، بحثا خلاله مكافحة الإرهاب وتعزيز أمن الحدود.",
  },
];

let database: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await seededDatabase();
  prisma = createPrisma(database.file);
});
afterAll(async () => {
  await prisma.$disconnect();
  database.remove();
});

const TABLES = ["Ingestion", "Proposal", "AuditLog", "Article", "Actor", "Meeting"] as const;
function counts(): Record<(typeof TABLES)[number], number> {
  const db = openDatabase(database.file, { readonly: true });
  const out = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n])) as Record<(typeof TABLES)[number], number>;
  db.close();
  return out;
}

async function run() {
  const db = openDatabase(database.file, { readonly: true });
  try {
    return await ingestBatch(prisma, new Sql(db), TEXTS.map((t) => ({ ...t, publisher: null, url: null, publishedOn: "2026-11-22" })), "cli:test");
  } finally {
    db.close();
  }
}

it("stores each text once, as proposals only; the same batch again changes nothing", async () => {
  const before = counts();
  const first = await run();
  expect(first.map((r) => r.stored.status)).toEqual(["STORED", "STORED"]);
  const after = counts();
  expect(after.Ingestion).toBe(before.Ingestion + 2);
  expect(after.Proposal).toBe(before.Proposal + first.reduce((n, r) => n + (r.stored.status === "STORED" ? r.stored.proposals : 0), 0));
  expect(after.Proposal).toBeGreaterThan(before.Proposal);
  expect(after.AuditLog).toBe(before.AuditLog + 2);
  for (const t of ["Article", "Actor", "Meeting"] as const) expect(after[t]).toBe(before[t]);

  const second = await run();
  expect(second.map((r) => r.stored.status)).toEqual(["ALREADY_INGESTED", "ALREADY_INGESTED"]);
  expect(counts()).toEqual(after);
});

it("refuses a copy of a stored article, naming it, and stores nothing", async () => {
  const db = openDatabase(database.file, { readonly: true });
  const article = db.prepare(`SELECT slug, headline, body FROM "Article" ORDER BY id LIMIT 1`).get() as { slug: string; headline: string | null; body: string };
  const before = counts();
  const [result] = await ingestBatch(prisma, new Sql(db), [{ source: "copy.txt", text: `${article.headline ?? ""}\n${article.body}`, publisher: null, url: null, publishedOn: null }], "cli:test");
  db.close();
  expect(result!.stored).toEqual({ status: "DUPLICATE", article: article.slug });
  expect(counts()).toEqual(before);
});
