import { Agent, request } from "node:http";
import { OPERATIONS } from "./ops.js";
import type { Request } from "./ops.js";

// The load generator, in its own process: `connections` keep-alive connections on 127.0.0.1, each
// sending requests back to back from a shared rotation of `requests` (so consecutive requests
// differ), for `seconds` (after `warmup` seconds not counted). Bounded: stops at the time limit.
// Input on stdin: { url, requests, connections, seconds, warmup }. Output on stdout: the latencies
// (and this process's CPU time, the load generator's share of the cores). A request the server
// never answered (the connection reset or closed under it) counts as an error and in
// `connectionErrors`, and the connection is replaced; only a server that refuses connections
// (it is gone) ends the run early, with an error.
interface Input {
  url: string;
  requests: Request[];
  connections: number;
  seconds: number;
  warmup: number;
}

const input = JSON.parse(await new Promise<string>((done) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => done(text));
})) as Input;

const target = new URL(input.url);
const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
const bodies = input.requests.map((r) => Buffer.from(JSON.stringify({ operationName: operationName(r.op), query: OPERATIONS[r.op], variables: r.variables })));

function operationName(op: keyof typeof OPERATIONS): string {
  return /query (\w+)/.exec(OPERATIONS[op])![1]!;
}

function send(body: Buffer): Promise<{ status: number; bytes: number; errors: boolean; cached: boolean }> {
  return new Promise((done, fail) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
      (res) => {
        let bytes = 0;
        let head = "";
        res.on("data", (chunk: Buffer) => {
          if (bytes === 0) head = chunk.subarray(0, 16).toString();
          bytes += chunk.length;
        });
        res.on("end", () => done({ status: res.statusCode ?? 0, bytes, errors: head.startsWith('{"errors"'), cached: res.headers["x-taawun-cache"] === "hit" }));
        // A connection cut while the answer arrives.
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

let next = 0;
const latencies: number[] = [];
let errors = 0;
// Requests that got no answer at all (e.g. ECONNRESET), and the first few messages.
let connectionErrors = 0;
const connectionErrorMessages = new Set<string>();
let bytes = 0;
// Answers the API's response cache gave (its x-taawun-cache header): a load run must not count them.
let cacheHits = 0;
const started = performance.now();
const measureFrom = started + input.warmup * 1000;
const end = measureFrom + input.seconds * 1000;

async function loop() {
  while (performance.now() < end) {
    const body = bodies[next++ % bodies.length]!;
    const t = performance.now();
    let result: Awaited<ReturnType<typeof send>>;
    try {
      result = await send(body);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Nothing listens any more: every further request would fail at once.
      if (code === "ECONNREFUSED") throw error;
      if (t >= measureFrom) {
        errors += 1;
        connectionErrors += 1;
      }
      if (connectionErrorMessages.size < 5) connectionErrorMessages.add(`${code ?? ""} ${(error as Error).message}`.trim());
      continue;
    }
    const done = performance.now();
    if (t >= measureFrom) {
      latencies.push(done - t);
      bytes += result.bytes;
      if (result.status !== 200 || result.errors) errors += 1;
      if (result.cached) cacheHits += 1;
    }
  }
}
await Promise.all(Array.from({ length: input.connections }, loop));
const elapsed = (performance.now() - measureFrom) / 1000;
agent.destroy();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ latencies, errors, connectionErrors, connectionErrorMessages: [...connectionErrorMessages], cacheHits, bytes, elapsed, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
