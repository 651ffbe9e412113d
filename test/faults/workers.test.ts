import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { restartDelayMs, workerCountFromEnv } from "../../src/app/serveInWorkers.js";
import { createApiKey } from "../../src/auth/apiKeys.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { exited, startCommand, waitForOutput } from "./support/processes.js";

// `TAAWUN_WORKERS=2 npm start`: two processes serve one SQLite file on one port. Nothing is shared
// in memory, so what must hold is that a write through one worker is never hidden by the other
// worker's response cache, that a dead worker is replaced, and that SIGTERM stops them all.
const SLUG = "2023-01-24-araji-munsch-baghdad";
const READ = JSON.stringify({ query: `{ meeting(slug: "${SLUG}") { summaryEn } }` });

let database: TestDatabase;
let editorKey: string;
beforeAll(async () => {
  database = await seededDatabase();
  const prisma = createPrisma(database.file);
  editorKey = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name: "editor", role: "editor", createdBy: "test" }))).secret;
  await prisma.$disconnect();
});
afterAll(() => database.remove());

interface Answer {
  status: number;
  cache: string | undefined;
  json: any;
}

/** One POST on a connection of its own, so the cluster hands each request to the next worker. */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", connection: "close", ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cache: res.headers["x-taawun-cache"] as string | undefined, json: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start with TAAWUN_WORKERS=2", () => {
  it("serves from two processes that never serve each other's stale answers, replaces a dead one, and stops on SIGTERM", async () => {
    const server = startCommand("src/main.ts", [], database.file, { PORT: "0", HOST: "127.0.0.1", TAAWUN_IDE: "false", TAAWUN_WORKERS: "2" });
    let pids: number[] = [];
    let log = "";
    server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    // A failed assertion must not leave the primary and its workers serving after the run.
    onTestFinished(async ({ task }) => {
      if (task.result?.state === "fail") console.error(`npm start with two workers printed:\n${log}`);
      if (server.exitCode === null && server.signalCode === null) {
        server.kill("SIGTERM");
        await Promise.race([exited(server), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      const replacements = [...log.matchAll(/"msg":"worker started","pid":(\d+)/g)].map((m) => Number(m[1]));
      for (const pid of [...pids, ...replacements].filter(alive)) process.kill(pid, "SIGKILL");
    });
    // The primary prints "workers listening" (with their pids) and then "listening" (the URL),
    // often in one chunk: wait for the second, then read both from everything printed so far.
    const url = JSON.parse(`{${await waitForOutput(server, /"url":"http:\/\/[^"]+"/)}}`).url as string;
    const started = Date.now();
    pids = JSON.parse(/\{[^\n]*"msg":"workers listening"[^\n]*\}/.exec(log)![0]).pids as number[];
    expect(new Set(pids).size).toBe(2);

    // Each worker keeps its own response cache: six reads on six connections miss once per worker.
    const before: Answer[] = [];
    for (let i = 0; i < 6; i += 1) before.push(await post(url, READ));
    for (const answer of before) expect(answer.json.data.meeting.summaryEn).not.toBe("Written through worker one.");
    expect(before.filter((a) => a.cache === "miss")).toHaveLength(2);

    // A write lands in one worker; the other one's cached answer must not survive it.
    const write = await post(url, JSON.stringify({ query: `mutation { updateMeetingSummary(slug: "${SLUG}", summaryEn: "Written through worker one.") { summaryEn } }` }), { authorization: `Bearer ${editorKey}` });
    expect(write.json).toEqual({ data: { updateMeetingSummary: { summaryEn: "Written through worker one." } } });
    for (let i = 0; i < 6; i += 1) expect((await post(url, READ)).json.data.meeting.summaryEn).toBe("Written through worker one.");

    // A worker that dies while serving is replaced, and the pair answers again.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2_500 - (Date.now() - started))));
    process.kill(pids[0]!, "SIGKILL");
    await waitForOutput(server, /"msg":"a worker died; starting another"/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (let i = 0; i < 4; i += 1) expect((await post(url, READ)).status).toBe(200);

    server.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
    expect(log).toContain('"msg":"shutting down"');
    await expect(post(url, READ)).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});

describe("TAAWUN_WORKERS", () => {
  it("is one process when unset, one per core for auto, and refuses anything else by name", () => {
    expect(workerCountFromEnv(undefined, 8)).toBe(1);
    expect(workerCountFromEnv("", 8)).toBe(1);
    expect(workerCountFromEnv("auto", 8)).toBe(8);
    expect(workerCountFromEnv("3", 8)).toBe(3);
    for (const bad of ["0", "-1", "1.5", "two", "257"]) expect(() => workerCountFromEnv(bad, 8)).toThrow(/TAAWUN_WORKERS must be a whole number from 1 to 256, or "auto"/);
  });
});

describe("replacing workers that keep dying", () => {
  it("replaces the first at once, then backs off 1, 2, 4… s up to 30 s within a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
