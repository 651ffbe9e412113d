import { existsSync } from "node:fs";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { checkIntegrity, exited, startCommand, waitForOutput } from "./support/processes.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(() => database.remove());

/** Everything the server sends on a socket until it closes it. */
const readAll = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = "";
    socket.on("data", (chunk) => (text += chunk));
    socket.on("close", () => resolve(text));
  });

describe("npm start on SIGTERM", () => {
  it("finishes the request in flight, refuses new connections, closes the database and exits 0", async () => {
    const server = startCommand("src/main.ts", [], database.file, { PORT: "0", HOST: "127.0.0.1", TAAWUN_IDE: "false" });
    const listening = await waitForOutput(server, /"url":"http:\/\/[^"]+"/);
    const { port } = new URL(JSON.parse(`{${listening}}`).url);

    // A request in flight: headers and half the body sent, the rest held back until after SIGTERM.
    const body = JSON.stringify({ query: `{ actor(slug: "qasim-al-araji") { nameAr } }` });
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const response = readAll(socket);
    socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    socket.write(body.slice(0, 20));

    server.kill("SIGTERM");
    await waitForOutput(server, /"msg":"shutting down"/);
    // The log line comes just before the listener closes, so allow the close a moment.
    const tryConnect = () =>
      new Promise<boolean>((resolve) => {
        const late = connect(Number(port), "127.0.0.1");
        late.once("connect", () => {
          late.destroy();
          resolve(false);
        });
        late.once("error", () => resolve(true));
      });
    let refused = false;
    for (let attempt = 0; attempt < 40 && !refused; attempt++) {
      refused = await tryConnect();
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);

    socket.write(body.slice(20));
    const answer = await response;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('{"data":{"actor":{"nameAr":"قاسم الأعرجي"}}}');
    expect(await exited(server)).toBe(0);
    // Both connections closed cleanly: the last one out checkpoints the WAL and removes it.
    expect(existsSync(`${database.file}-wal`)).toBe(false);
    expect(checkIntegrity(database.file).integrity).toBe("ok");
  });
});
