import type { RawRecord } from "../../record/loadRecord.js";
import type { SeedPlan } from "../../record/SeedPlan.js";
import type { Gazetteer } from "../types.js";

/** The surfaces an article record lists per actor, split into names and nominal references. */
export function recordSurfaces(raw: RawRecord): Map<string, { names: Map<string, Set<string>>; nominal: Map<string, Set<string>> }> {
  const out = new Map<string, { names: Map<string, Set<string>>; nominal: Map<string, Set<string>> }>();
  for (const a of raw.articles) {
    const data = a.data as { file: string; mentions?: { actor: string; surfaces: (string | { text: string; nominal?: boolean })[] }[] };
    const entry = { names: new Map<string, Set<string>>(), nominal: new Map<string, Set<string>>() };
    for (const m of data.mentions ?? []) {
      for (const s of m.surfaces) {
        const spec = typeof s === "string" ? { text: s, nominal: false } : s;
        const target = spec.nominal === true ? entry.nominal : entry.names;
        if (!target.has(m.actor)) target.set(m.actor, new Set());
        target.get(m.actor)!.add(spec.text);
      }
    }
    out.set(data.file.replace(/\.txt$/, ""), entry);
  }
  return out;
}

/**
 * The gazetteer the pipeline would have had before reading `heldOut`: actors and their names
 * only as the *other* curated article records give them (nominal references excluded), topic
 * keywords and place names from the record's shared lists.
 */
export function seedGazetteer(plan: SeedPlan, raw: RawRecord, heldOut: string | null): Gazetteer {
  const surfaces = recordSurfaces(raw);
  const names = new Map<string, Set<string>>();
  for (const [article, entry] of surfaces) {
    if (article === heldOut) continue;
    for (const [actor, set] of entry.names) {
      if (!names.has(actor)) names.set(actor, new Set());
      for (const n of set) names.get(actor)!.add(n);
    }
  }
  return {
    actors: plan.actors.filter((a) => names.has(a.slug)).map((a) => ({ slug: a.slug, kind: a.kind, names: [...names.get(a.slug)!] })),
    topics: plan.topics.map((t) => ({ slug: t.slug, keywordsAr: t.keywordsAr, keywordsEn: t.keywordsEn })),
    places: plan.places.map((p) => ({ slug: p.slug, names: [p.nameAr] })),
  };
}
