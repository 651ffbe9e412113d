import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createContext } from "../src/context/createContext.js";
import { createPrisma } from "../src/db/createPrisma.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { Sql } from "../src/db/Sql.js";
import { createApolloServer } from "../src/server/createApolloServer.js";
import { silentLogger } from "../src/server/logger.js";
import { seededDatabase } from "../test/support/testDatabase.js";

// The read path on the seed record: an actor's timeline (meetings → participants → actors,
// sources → evidence) answered three ways in one run, so the ratios hold whatever the machine:
//   floor  — hand-written better-sqlite3 prepared statements and plain objects (no GraphQL);
//   api    — the shipped server through Apollo's executeOperation (parse, validate, loaders);
//   prisma — the usual implementation: one Prisma query with nested includes, no GraphQL.
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);
const SLUGS = ["qasim-al-araji", "nato", "giovanni-iannucci", "stuart-munsch", "european-union", "mohammed-shia-al-sudani"];

const QUERY = `query Timeline($slug: String!) { actor(slug: $slug) { nameAr nameEn
  meetings(first: 20, includeAffiliates: true) { nodes { slug date { earliest latest precision }
    participants { role actor { slug nameAr nameEn } }
    sources { quote article { slug } } } } } }`;

const database = await seededDatabase();
const db = openDatabase(database.file);
const sql = new Sql(db);
const server = createApolloServer({ logger: silentLogger });
await server.start();
const prisma = createPrisma(database.file);

const floorStatements = {
  actor: db.prepare(`SELECT id, nameAr, nameEn FROM "Actor" WHERE slug = ?`),
  meetings: db.prepare(`WITH RECURSIVE tree(id) AS (SELECT ? UNION SELECT a.id FROM "Actor" a JOIN tree ON a.affiliationId = tree.id)
    SELECT DISTINCT m.id, m.slug, m.dateEarliest, m.dateLatest, m.datePrecision, m.dateSort FROM "Participant" p JOIN "Meeting" m ON m.id = p.meetingId
    WHERE p.actorId IN (SELECT id FROM tree) ORDER BY m.dateSort, m.id LIMIT 20`),
  participants: db.prepare(`SELECT p.meetingId, p.role, a.slug, a.nameAr, a.nameEn FROM "Participant" p JOIN "Actor" a ON a.id = p.actorId
    WHERE p.meetingId IN (SELECT value FROM json_each(?)) ORDER BY p.id`),
  sources: db.prepare(`SELECT ms.meetingId, e.quote, ar.slug FROM "MeetingSource" ms JOIN "Evidence" e ON e.id = ms.evidenceId JOIN "Article" ar ON ar.id = e.articleId
    WHERE ms.meetingId IN (SELECT value FROM json_each(?)) ORDER BY ms.id`),
};

function floor(slug: string) {
  const actor = floorStatements.actor.get(slug) as { id: number; nameAr: string; nameEn: string };
  const meetings = floorStatements.meetings.all(actor.id) as { id: number }[];
  const ids = JSON.stringify(meetings.map((m) => m.id));
  const participants = floorStatements.participants.all(ids) as { meetingId: number }[];
  const sources = floorStatements.sources.all(ids) as { meetingId: number }[];
  return JSON.stringify({
    ...actor,
    meetings: meetings.map((m) => ({ ...m, participants: participants.filter((p) => p.meetingId === m.id), sources: sources.filter((s) => s.meetingId === m.id) })),
  });
}

async function api(slug: string) {
  const response = await server.executeOperation({ query: QUERY, variables: { slug } }, { contextValue: createContext(sql) });
  return JSON.stringify(response.body);
}

async function usual(slug: string) {
  // Prisma cannot follow affiliates recursively; the usual code walks one level of them.
  const actor = await prisma.actor.findUnique({
    where: { slug },
    include: {
      affiliates: { select: { id: true } },
      participations: { include: { meeting: { include: { participants: { include: { actor: true } }, sources: { include: { evidence: { include: { article: { select: { slug: true } } } } } } } } } },
    },
  });
  return JSON.stringify(actor);
}

async function measure(name: string, run: (slug: string) => unknown) {
  for (let i = 0; i < 200; i += 1) await run(SLUGS[i % SLUGS.length]!);
  const times: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i += 1) {
    const t = performance.now();
    await run(SLUGS[i % SLUGS.length]!);
    times.push(performance.now() - t);
    if (i % 500 === 499) process.stderr.write(`\r${name.padEnd(7)} ${i + 1}/${ITERATIONS}`);
  }
  const total = performance.now() - started;
  process.stderr.write("\n");
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, opsPerSecond: Math.round((ITERATIONS / total) * 1000), p50Ms: +at(0.5).toFixed(3), p99Ms: +at(0.99).toFixed(3), heapDeltaMb: +((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1) };
}

const results = [await measure("floor", floor), await measure("api", api), await measure("prisma", usual)];
const [f, a, p] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
console.table(results);
const ratios = { apiOverFloor: +(a.opsPerSecond / f.opsPerSecond).toFixed(3), apiOverPrisma: +(a.opsPerSecond / p.opsPerSecond).toFixed(2) };
console.log(`api/floor throughput ${ratios.apiOverFloor}  api/prisma-include throughput ${ratios.apiOverPrisma}  (${ITERATIONS} timeline queries each, one process, in-process calls)`);
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "readPath.json"), `${JSON.stringify({ iterations: ITERATIONS, results, ratios, node: process.version }, null, 2)}\n`);

await prisma.$disconnect();
await server.stop();
db.close();
database.remove();
