import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSecret, looksLikeSecret, newSecret, secretPrefix } from "../../src/auth/apiKeySecret.js";
import { roleAtLeast } from "../../src/auth/roles.js";

describe("API key secrets", () => {
  it("are 32 random bytes in base64url behind a recognisable tw_ prefix, never twice the same", () => {
    const secrets = Array.from({ length: 200 }, newSecret);
    expect(new Set(secrets).size).toBe(200);
    for (const secret of secrets) {
      expect(secret).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret.slice(3), "base64url")).toHaveLength(32);
      expect(looksLikeSecret(secret)).toBe(true);
    }
  });

  it("are stored as their sha256 and shown by their first nine characters", () => {
    const secret = newSecret();
    expect(hashSecret(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(secretPrefix(secret)).toBe(secret.slice(0, 9));
  });

  it("are told apart from junk before any lookup", () => {
    for (const junk of ["", "tw_", "tw_short", `xx_${"a".repeat(43)}`, `tw_${"a".repeat(42)}!`, `tw_${"a".repeat(44)}`]) expect(looksLikeSecret(junk)).toBe(false);
  });
});

describe("roles", () => {
  it("rank reader < editor < admin, each including the ones before", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("editor", "admin")).toBe(false);
    expect(roleAtLeast("reader", "editor")).toBe(false);
  });
});
