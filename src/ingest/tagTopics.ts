import { tokenize } from "../text/index.js";
import { sentences } from "./sentences.js";
import type { Field, Gazetteer, TopicProposal } from "./types.js";

/** True when the token keys of `needle` occur consecutively in `hay`. */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

// Keywords are tokenised once per topic, not once per sentence.
const keyCache = new WeakMap<Gazetteer["topics"][number], [string, string[]][]>();
function keywordKeys(topic: Gazetteer["topics"][number]): [string, string[]][] {
  let keys = keyCache.get(topic);
  if (!keys) keyCache.set(topic, (keys = [...topic.keywordsAr, ...topic.keywordsEn].map((k) => [k, tokenize(k).map((t) => t.norm)])));
  return keys;
}

/**
 * Tags topics from the keywords stored with them (Arabic and English), compared as normalised,
 * prefix-stemmed token runs so "بالأمن السيبراني" finds "الأمن السيبراني". One tag per topic, citing
 * the first sentence that triggered it; a longer keyword is more specific, so it scores higher.
 */
export function tagTopics(text: string, field: Field, gazetteer: Gazetteer): TopicProposal[] {
  const found = new Map<string, TopicProposal>();
  for (const s of sentences(text)) {
    const keys = tokenize(s.text).map((t) => t.norm);
    for (const topic of gazetteer.topics) {
      if (found.has(topic.slug)) continue;
      for (const [keyword, needle] of keywordKeys(topic)) {
        if (!containsRun(keys, needle)) continue;
        found.set(topic.slug, { topic: topic.slug, keyword, evidence: { field, start: s.start, end: s.end, quote: s.text }, confidence: needle.length > 1 ? 0.8 : 0.6 });
        break;
      }
    }
  }
  return [...found.values()];
}
