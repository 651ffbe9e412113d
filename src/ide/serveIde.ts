import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

import { IDE_BUILD_COMMAND, ideIsBuilt } from './ideIsBuilt.js';
import { prefersHtml } from './prefersHtml.js';
import { resolveAssetPath } from './resolveAssetPath.js';
import { setIdeSecurityHeaders } from './securityHeaders.js';
import { sendFile } from './sendFile.js';

export { ideIsBuilt } from './ideIsBuilt.js';

export interface IdeHandlerOptions {
  distDir: string;
  enabled: boolean;
}

/** Resolves true when it answered the request; false leaves it to the API. */
export type IdeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
// Vite names every emitted asset `<name>-<8-char base64url hash>.<ext>`.
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

export function createIdeHandler(options: IdeHandlerOptions): IdeHandler {
  if (!options.enabled) return async () => false;
  const distDir = resolve(options.distDir);

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const target = splitTarget(req.url);
    if (target === null) return false;

    if (target.pathname === '/' || isBrowserVisitToEndpoint(req, target)) {
      return serveIndex(req, res, distDir, target.pathname === '/graphql');
    }
    if (target.pathname.startsWith('/assets/')) {
      return serveAsset(req, res, distDir, target.pathname);
    }
    return false;
  };
}

interface RequestTarget {
  pathname: string;
  params: URLSearchParams;
}

// The raw target is used as sent, not normalised through `new URL`, so a
// request for `/assets/../x` reaches the traversal check instead of being
// quietly rewritten into a different path.
function splitTarget(url: string | undefined): RequestTarget | null {
  if (url === undefined || !url.startsWith('/')) return null;
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  if (queryStart === -1) return { pathname: withoutFragment, params: new URLSearchParams() };
  return {
    pathname: withoutFragment.slice(0, queryStart),
    params: new URLSearchParams(withoutFragment.slice(queryStart + 1)),
  };
}

// A GET /graphql carrying an operation (or a persisted-query hash in
// `extensions`) is an API call even from a browser tab, so it goes to the API.
function isBrowserVisitToEndpoint(req: IncomingMessage, target: RequestTarget): boolean {
  return (
    target.pathname === '/graphql' &&
    !target.params.has('query') &&
    !target.params.has('extensions') &&
    prefersHtml(req.headers.accept)
  );
}

async function serveIndex(
  req: IncomingMessage,
  res: ServerResponse,
  distDir: string,
  negotiated: boolean,
): Promise<boolean> {
  setIdeSecurityHeaders(res);
  // /graphql answers HTML or JSON depending on Accept; shared caches must key on it.
  if (negotiated) res.setHeader('Vary', 'Accept');
  if (ideIsBuilt(distDir) && (await sendFile(req, res, join(distDir, 'index.html'), { cacheControl: REVALIDATE }))) {
    return true;
  }
  sendText(req, res, 503, `The taawun GraphQL IDE has not been built.\nRun \`${IDE_BUILD_COMMAND}\` in the project folder, then reload this page.\n`);
  return true;
}

async function serveAsset(
  req: IncomingMessage,
  res: ServerResponse,
  distDir: string,
  pathname: string,
): Promise<boolean> {
  setIdeSecurityHeaders(res);
  const filePath = resolveAssetPath(distDir, pathname);
  const cacheControl = HASHED_ASSET.test(pathname) ? IMMUTABLE : REVALIDATE;
  if (filePath !== null && (await sendFile(req, res, filePath, { cacheControl }))) return true;
  // /assets/ belongs to the IDE, so a miss there is answered here rather than
  // handed to the API, which has nothing under that prefix.
  sendText(req, res, 404, 'Not found\n');
  return true;
}

function sendText(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(req.method === 'HEAD' ? undefined : body);
}
