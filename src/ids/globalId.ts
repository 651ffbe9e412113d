import { badUserInput } from "../errors/badUserInput.js";

/** The object types that have global ids. */
export type NodeType = "Actor" | "Article" | "Meeting" | "Topic" | "Place";

const NODE_TYPES: ReadonlySet<string> = new Set(["Actor", "Article", "Meeting", "Topic", "Place"]);
const DECODED = /^([A-Za-z]+):([1-9][0-9]{0,15})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Opaque id: base64url of `Type:rowid`, so clients cannot build or parse ids by hand. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

/** Decodes a global id, or returns null when the string is not one. */
export function tryFromGlobalId(value: string): { type: NodeType; id: number } | null {
  if (!BASE64URL.test(value)) return null;
  const match = DECODED.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match || !NODE_TYPES.has(match[1]!)) return null;
  return { type: match[1] as NodeType, id: Number(match[2]) };
}

/**
 * Decodes a global id; a malformed one is the caller's mistake (BAD_USER_INPUT), while a
 * well-formed id of another type simply names no object of this type.
 */
export function fromGlobalId(value: string, argument: string): { type: NodeType; id: number } {
  const decoded = tryFromGlobalId(value);
  if (!decoded) throw badUserInput(`"${value}" is not a valid id. Ids are opaque strings returned by this API.`, argument);
  return decoded;
}
