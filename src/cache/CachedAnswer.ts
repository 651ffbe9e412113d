/** A complete HTTP answer as the server sent it: replaying it must give the same bytes. */
export interface CachedAnswer {
  status: number;
  /** Apollo's response headers (content-type, cache-control), in the order it set them. */
  headers: readonly (readonly [string, string])[];
  body: Buffer;
}

/** Map entry, key and object headers: small next to a body, but a cache of tiny answers should not overshoot. */
const ENTRY_OVERHEAD_BYTES = 256;

/** What an answer costs the cache's byte budget. */
export function answerBytes(key: string, answer: CachedAnswer): number {
  let bytes = ENTRY_OVERHEAD_BYTES + key.length + answer.body.length;
  for (const [name, value] of answer.headers) bytes += name.length + value.length;
  return bytes;
}
