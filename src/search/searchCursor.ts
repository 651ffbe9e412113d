import { createHash } from "node:crypto";
import { badUserInput } from "../errors/badUserInput.js";

/**
 * A search cursor: base64url JSON `["s", position, fingerprint]`, where `position` is the hit's
 * 1-based rank and `fingerprint` a short hash of the FTS5 expression and the kinds searched.
 *
 * Why a rank offset and not (score, id): BM25 scores depend on statistics of the whole index, so
 * any write changes every score and a (score, id) keyset would be no more stable than an offset,
 * while an offset is exact for an unchanged index and cheap (FTS5 ranks every match either way).
 * The fingerprint makes a cursor from another query or set of types a BAD_USER_INPUT instead of a
 * silently wrong page.
 */
export function searchFingerprint(match: string, codes: readonly number[]): string {
  return createHash("sha256").update(`${match}\u0000${codes.join(",")}`).digest("base64url").slice(0, 12);
}

export function encodeSearchCursor(position: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify(["s", position, fingerprint])).toString("base64url");
}

/** The rank position an `after` cursor points at; refuses cursors of other searches or lists. */
export function decodeSearchCursor(cursor: string, fingerprint: string, argument: string): number {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== 3 || key[0] !== "s" || !Number.isSafeInteger(key[1]) || (key[1] as number) < 1 || typeof key[2] !== "string") {
    throw badUserInput(`"${cursor}" is not a search cursor from this API. Pass an edge's cursor or pageInfo's endCursor unchanged.`, argument);
  }
  if (key[2] !== fingerprint) {
    throw badUserInput(`The cursor "${cursor}" belongs to another search: page with the same \`query\` and \`types\` it came from.`, argument);
  }
  return key[1] as number;
}
