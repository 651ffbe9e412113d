import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

import { contentTypeFor } from './contentTypes.js';

export interface SendFileOptions {
  cacheControl: string;
  extraHeaders?: Readonly<Record<string, string>>;
}

/** Streams a regular file; resolves false (nothing written) when there is none. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  options: SendFileOptions,
): Promise<boolean> {
  let size: number;
  let mtimeMs: number;
  try {
    const info = await stat(filePath);
    // A directory named like an asset must not be listed or streamed.
    if (!info.isFile()) return false;
    size = info.size;
    mtimeMs = info.mtimeMs;
  } catch {
    return false;
  }

  // Size and mtime change on every rebuild, which is all index.html needs to
  // revalidate cheaply under `no-cache`.
  const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('ETag', etag);
  for (const [name, value] of Object.entries(options.extraHeaders ?? {})) res.setHeader(name, value);

  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }

  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(filePath));
  res.setHeader('Content-Length', String(size));
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  try {
    await pipeline(createReadStream(filePath), res);
  } catch {
    // The client went away or the file vanished mid-rebuild; headers are
    // already out, so dropping the connection is the only honest signal left.
    res.destroy();
  }
  return true;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}
