/**
 * What a key may do, lowest first. `reader` only matters when reads require a key
 * (TAAWUN_REQUIRE_KEY_FOR_READS=true); `editor` changes the record; `admin` also manages keys and
 * reads the audit log. Each role includes the ones before it.
 */
export const ROLES = ["reader", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `have` is `need` or a higher role. */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}
