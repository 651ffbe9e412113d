/**
 * `base`, or `base-2`, `base-3` … — the first that `taken` says is free. Slugs are public URLs,
 * so a new actor or meeting never takes one already in use.
 */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}
