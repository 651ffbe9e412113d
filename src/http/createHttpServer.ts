import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { HeaderMap } from "@apollo/server";
import type { ApolloServer, HTTPGraphQLRequest } from "@apollo/server";
import type { CachedAnswer } from "../cache/CachedAnswer.js";
import { cacheableRequest } from "../cache/cacheableRequest.js";
import { rememberAnswer } from "../cache/rememberAnswer.js";
import type { PendingAnswer } from "../cache/rememberAnswer.js";
import type { ResponseCache } from "../cache/ResponseCache.js";
import type { Context } from "../context/Context.js";
import { ErrorCode } from "../errors/ErrorCode.js";
import { beforeDeadline } from "../hardening/beforeDeadline.js";
import { deadlineIn, REQUEST_TIMEOUT_MS, timeoutMessage } from "../hardening/deadline.js";
import type { Deadline } from "../hardening/deadline.js";

/** A handler that may answer a request first (the IDE); returns true when it did. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Requests larger than this are refused before parsing: no legitimate query is this big. */
export const MAX_BODY_BYTES = 1_000_000;

class BodyTooLarge extends Error {}

/** Builds a request's context; the deadline lets the read path stop once the request is answered 503. */
export type ContextFactory = (req: IncomingMessage, deadline: Deadline) => Promise<Context>;

export interface HttpOptions {
  /** Per-request time limit once the body is read (default {@link REQUEST_TIMEOUT_MS}). */
  timeoutMs?: number;
  /**
   * Answers anonymous read queries from memory (src/cache/, docs/response-cache.md). Give it only
   * where reads are public: a cached answer skips authentication.
   */
  cache?: ResponseCache;
}

/** Response header saying whether the answer came from the response cache (`hit`) or not (`miss`). */
export const CACHE_HEADER = "x-taawun-cache";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

/** Writes a complete GraphQL answer; fresh and cached answers both go through here, so they match byte for byte. */
function sendAnswer(res: ServerResponse, answer: { status: number; headers: Iterable<readonly [string, string]>; body: string | Buffer }) {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  // The same URL answers browsers with the IDE (HTML) and clients with JSON.
  res.setHeader("vary", "accept");
  res.statusCode = answer.status;
  res.end(answer.body);
}

function sendCached(res: ServerResponse, answer: CachedAnswer) {
  res.setHeader(CACHE_HEADER, "hit");
  sendAnswer(res, answer);
}

/**
 * Serves GraphQL at `/graphql` through Apollo's transport-neutral entry point over plain
 * `node:http` (no framework to configure or patch), `/health` for load balancers, and whatever
 * `before` handlers answer (the IDE).
 */
export function createHttpServer(apollo: ApolloServer<Context>, context: ContextFactory, before: RequestHandler[] = [], options: HttpOptions = {}): Server {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const cache = options.cache;
  const server = createServer(async (req, res) => {
    try {
      for (const handler of before) if (await handler(req, res)) return;
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/health") return send(res, 200, JSON.stringify({ status: "ok" }), "application/json");
      if (url.pathname !== "/graphql") return send(res, 404, "Not found. The GraphQL endpoint is /graphql.\n");
      // Every GraphQL answer says whether it came from the cache; a hit overwrites this.
      res.setHeader(CACHE_HEADER, "miss");
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const raw = req.method === "POST" ? await readBody(req) : "";
      let body: unknown = raw;
      if (raw.length > 0 && (headers.get("content-type") ?? "").includes("json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          return send(res, 400, JSON.stringify({ errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] }), "application/json");
        }
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body };
      let pending: PendingAnswer | undefined;
      const cacheable = cache ? cacheableRequest(httpGraphQLRequest) : undefined;
      if (cache && cacheable) {
        const hit = cache.lookup(cacheable.key);
        if (hit) return sendCached(res, hit);
        pending = { cache, request: cacheable, ticket: cache.begin() };
      }
      const deadline = deadlineIn(timeoutMs);
      const result = await beforeDeadline(apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req, deadline) }), deadline);
      if (result === null) {
        res.setHeader("retry-after", "5");
        return send(res, 503, JSON.stringify({ errors: [{ message: timeoutMessage(timeoutMs), extensions: { code: ErrorCode.TIMEOUT } }] }), "application/json");
      }
      const status = result.status ?? 200;
      if (result.body.kind === "complete") {
        if (pending) rememberAnswer(pending, status, result.headers, result.body.string);
        return sendAnswer(res, { status, headers: result.headers, body: result.body.string });
      }
      for (const [name, value] of result.headers) res.setHeader(name, value);
      res.setHeader("vary", "accept");
      res.statusCode = status;
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof BodyTooLarge) return send(res, 413, `Request body over ${MAX_BODY_BYTES} bytes.\n`);
      if (!res.headersSent) send(res, 500, "Internal server error.\n");
      else res.end();
    }
  });
  // Slow clients: the headers must arrive within 10 s and the whole request within 30 s, so
  // trickled requests (slowloris) cannot hold connections open; Node answers 408 past either.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
