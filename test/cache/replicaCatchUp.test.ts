import { describe, expect, it } from "vitest";
import { replicaCatchUp } from "../../src/cache/replicaCatchUp.js";
import { ResponseCache } from "../../src/cache/ResponseCache.js";
import type { SqlReader } from "../../src/db/Sql.js";

// The catch-up's bookkeeping with both servers replaced by their answers to the two statements it
// sends; test/db/streamingReplica.test.ts runs it against a real standby.
function server(answer: () => string | null | Error): SqlReader {
  return {
    dialect: "postgres",
    async all() {
      throw new Error("not used");
    },
    async get<T>() {
      const value = answer();
      if (value instanceof Error) throw value;
      return { lsn: value } as T;
    },
  } as SqlReader;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

describe("replicaCatchUp", () => {
  it("keeps the cache off until the replica has replayed the latest write's position, then on", async () => {
    let primaryAt = "0/10";
    let replicaAt: string | null = "0/9";
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    const catchUp = replicaCatchUp(cache, server(() => primaryAt), server(() => replicaAt), { info() {}, warn() {}, error() {} }, { pollMs: 1, maxPollMs: 2 });
    catchUp.wrote();
    expect(cache.suspended).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // 0/9 is before 0/10 (as text it would sort after).
    expect(cache.suspended).toBe(true);
    primaryAt = "1/0";
    catchUp.wrote();
    replicaAt = "0/10";
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cache.suspended).toBe(true);
    replicaAt = "1/0";
    await until(() => !cache.suspended);
    catchUp.close();
  });

  it("warns once when the replica stays behind or cannot be asked, with the position it waits for", async () => {
    const warnings: [string, Record<string, unknown> | undefined][] = [];
    let replicaAt: string | null | Error = new Error("connection refused");
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    const logger = { info() {}, warn: (message: string, fields?: Record<string, unknown>) => warnings.push([message, fields]), error() {} };
    const catchUp = replicaCatchUp(cache, server(() => "16/B374D848"), server(() => replicaAt), logger, { pollMs: 1, maxPollMs: 2, warnAfterMs: 0 });
    catchUp.wrote();
    await until(() => warnings.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(warnings.map(([message]) => message)).toEqual([
      "response cache off: cannot read the replica's replay position",
      "response cache off: the read replica has not replayed the latest write",
    ]);
    expect(warnings[1]![1]).toMatchObject({ targetLsn: "16/B374D848" });
    // Not a standby: it reports no replay position, so the cache stays off.
    replicaAt = null;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cache.stats().suspended).toBe(true);
    replicaAt = "16/B374D848";
    await until(() => !cache.suspended);
    catchUp.close();
  });
});
