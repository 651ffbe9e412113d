import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// `npm run example:client` (src/client/printTimeline.ts, on the typed client generated from
// examples/operations) against a real server over the seed record.
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const A003 = "003_e671d139e0bcab16";
const A004 = "004_1f5f7481dc13df7a";

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await seededDatabase();
  server = await startServer({ file: database.file, port: 0, logger: silentLogger });
});
afterAll(async () => {
  await server?.stop();
  database?.remove();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exampleClient(url: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "example:client", "--", ...args], { cwd: repoRoot, env: { ...process.env, TAAWUN_URL: url } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run example:client", () => {
  it("prints al-Araji's timeline: Iannucci (004), then Munsch in Baghdad on 24 January 2023 (003), with the quotes", async () => {
    const { code, stdout, stderr } = await exampleClient(server.url, "qasim-al-araji");
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(["Qasim al-Araji — قاسم الأعرجي (qasim-al-araji)", "2 meetings in the record, earliest first."]);

    const [first, second] = stdout.split("\n\n").slice(1);
    // 004: "today, Thursday", he received Iannucci; no place is named.
    expect(first).toMatch(/^1\. Between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d, a Thursday \[range\]\n/);
    expect(first).toContain("   Meeting — the source names no place\n");
    expect(first).toContain("   With: Giovanni Iannucci (جيوفاني اينوتشي), visitor\n");
    expect(first).toContain("   Date as written: اليوم الخميس\n");
    expect(first).toContain(`   Source: article ${A004}, Youm7\n`);
    // 003, dated Tuesday 24 January 2023, "in Baghdad today", Munsch "and his delegation".
    expect(second).toBe(
      [
        "2. 2023-01-24, a Tuesday [exact day]",
        "   Meeting in Baghdad (بغداد)",
        "   With: Stuart B. Munsch (ستيوارت مونش), head of delegation",
        "   Date as written: الثلاثاء 24 يناير 2023",
        `   Source: article ${A003}, Elaph`,
        '      وخلال اجتماع لمستشار الأمن القومي العراقي قاسم الأعرجي في بغداد اليوم مع قائد قيادة القوات المشتركة لحلف شمال الأطلسي "الناتو" الأدميرال ستيوارت مونش والوفد المرافق له',
        "",
      ].join("\n"),
    );
    // The quotes it prints are the texts' own words.
    const quotes = lines.filter((line) => line.startsWith("      ")).map((line) => line.trim());
    expect(quotes).toHaveLength(2);
    expect(readFileSync(new URL(`../../seeds/articles/${A004}.txt`, import.meta.url), "utf8")).toContain(quotes[0]);
    expect(readFileSync(new URL(`../../seeds/articles/${A003}.txt`, import.meta.url), "utf8")).toContain(quotes[1]);
  });

  it("says so when the actor is not in the record", async () => {
    const { code, stdout, stderr } = await exampleClient(server.url, "no-such-actor");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('No actor with the slug "no-such-actor"');
  });

  it("tells the user to start the server when nothing listens at TAAWUN_URL", async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await exampleClient(`http://127.0.0.1:${port}/graphql`);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`Cannot reach the taawun API at http://127.0.0.1:${port}/graphql (ECONNREFUSED)`);
    expect(stderr).toContain("Start it with `npm start`");
  });
});

/** A port that was free a moment ago and has nothing listening on it now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
