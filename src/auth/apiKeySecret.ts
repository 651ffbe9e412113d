import { createHash, randomBytes } from "node:crypto";

/** Every secret starts with this, so a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = "tw_";

/** `tw_` + 32 random bytes in base64url (43 characters): 256 bits, nothing to guess. */
const KEY_SHAPE = /^tw_[A-Za-z0-9_-]{43}$/;

/** How many characters of a secret are kept in clear to tell keys apart (`tw_` + 6). */
const SHOWN = KEY_PREFIX.length + 6;

/** A new secret. It is shown to its holder once and never stored. */
export function newSecret(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function looksLikeSecret(value: string): boolean {
  return KEY_SHAPE.test(value);
}

/**
 * The stored form of a secret. Plain sha256 is enough here, and a slow password hash (bcrypt,
 * argon2) would buy nothing: the secret is 256 random bits, not a human password, so there is no
 * dictionary to try and brute force is out of reach however fast the hash. A fast hash also lets
 * every request authenticate with one indexed lookup instead of spending tens of milliseconds of
 * CPU, which an attacker could otherwise trigger at will with made-up keys.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The part of a secret kept in clear. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, SHOWN);
}
