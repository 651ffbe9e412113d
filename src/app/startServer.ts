import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createContext } from "../context/createContext.js";
import { openDatabase } from "../db/openDatabase.js";
import { Sql } from "../db/Sql.js";
import { createHttpServer } from "../http/createHttpServer.js";
import type { RequestHandler } from "../http/createHttpServer.js";
import { createIdeHandler } from "../ide/serveIde.js";
import { createApolloServer } from "../server/createApolloServer.js";
import type { Logger } from "../server/logger.js";

export interface StartOptions {
  file: string;
  port: number;
  host?: string;
  logger: Logger;
  introspection?: boolean;
  /** Serve the bundled GraphQL IDE from this folder (`npm run build:ide`); off when omitted. */
  ide?: { distDir: string; enabled: boolean };
}

/** A running API: its URL, and a `stop` that finishes in-flight requests and closes the database. */
export interface RunningServer {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** Serves the API over a migrated database. Port 0 picks a free port (tests). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const db = openDatabase(options.file);
  const sql = new Sql(db);
  const apollo = createApolloServer({ logger: options.logger, ...(options.introspection === undefined ? {} : { introspection: options.introspection }) });
  await apollo.start();
  const before: RequestHandler[] = options.ide ? [createIdeHandler(options.ide)] : [];
  const server = createHttpServer(apollo, async () => createContext(sql), before);
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}/graphql`;
  return {
    url,
    server,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      db.close();
    },
  };
}
