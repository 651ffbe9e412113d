/*
 * Character folding for one cluster. Reference behaviour is Lucene's ArabicNormalizer
 * (apache/lucene, lucene/analysis/common/src/java/org/apache/lucene/analysis/ar/ArabicNormalizer.java):
 * ALEF_MADDA / ALEF_HAMZA_ABOVE / ALEF_HAMZA_BELOW → ALEF, DOTLESS_YEH → YEH, TEH_MARBUTA → HEH,
 * TATWEEL and the eight harakat (U+064B–U+0652) deleted. Lucene leaves WAW_WITH_HAMZA (ؤ) and
 * YEH_WITH_HAMZA (ئ) alone and so do we: they are real spelling, and collapsing them would merge
 * e.g. "رئيس" with the misspelling "رييس" and "مؤتمر" with "موتمر" (see the near-miss tests).
 *
 * On top of Lucene we also: apply NFKC where it is safe (presentation forms such as "ﺍﻟﻨﺎﺗﻮ" and
 * ligatures such as "ﻻ"/"ﷲ", full-width Latin, NBSP; never when it would split one character into
 * several words, as for "ﷺ" or "½"); remove every Arabic combining mark
 * (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED, Arabic Extended-A marks) and the isolated
 * harakat forms U+FE70–U+FE7F; fold alef wasla ٱ and the wavy-hamza alefs ٲ ٳ to ا; fold Persian/Urdu
 * ی → ي and ک → ك; turn Arabic-Indic and Extended Arabic-Indic digits into ASCII; lowercase and
 * strip accents from Latin (and other non-Arabic scripts: nonspacing marks are dropped after NFD);
 * delete invisible controls (soft hyphen, ALM, ZWSP/ZWNJ/ZWJ/LRM/RLM, embeddings and overrides,
 * word joiner, isolates, BOM) and the transliteration letters ʻ ʼ ʾ ʿ (so "ʿAbd" = "Abd").
 */

const ALEF = "\u0627";

/** Code point → replacement ("" = delete). Anything absent passes on to the generic rules. */
const FOLD_MAP: ReadonlyMap<number, string> = buildFoldMap();

function buildFoldMap(): Map<number, string> {
  const map = new Map<number, string>();
  const remove = (from: number, to: number = from): void => {
    for (let cp = from; cp <= to; cp++) map.set(cp, "");
  };
  // Harakat, Quranic annotation marks and tatweel.
  remove(0x0610, 0x061a);
  remove(0x064b, 0x065f);
  remove(0x0670);
  remove(0x06d6, 0x06ed);
  remove(0x0898, 0x089f);
  remove(0x08ca, 0x08e1);
  remove(0x08e3, 0x08ff);
  remove(0xfe70, 0xfe7f);
  remove(0x0640);
  // Invisible formatting / bidi controls.
  remove(0x00ad);
  remove(0x061c);
  remove(0x200b, 0x200f);
  remove(0x202a, 0x202e);
  remove(0x2060, 0x2064);
  remove(0x2066, 0x2069);
  remove(0xfeff);
  // Transliteration hamza/ayn letters (modifier letters, so they would otherwise glue into words).
  remove(0x02bb, 0x02bc);
  remove(0x02be, 0x02bf);
  // Alef with hamza / madda / wasla / wavy hamza → bare alef.
  for (const cp of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) map.set(cp, ALEF);
  map.set(0x0629, "\u0647"); // ة → ه
  map.set(0x0649, "\u064a"); // ى → ي
  map.set(0x06cc, "\u064a"); // Persian ی → ي
  map.set(0x06a9, "\u0643"); // Persian ک → ك
  for (let d = 0; d <= 9; d++) {
    map.set(0x0660 + d, String(d)); // Arabic-Indic ٠–٩
    map.set(0x06f0 + d, String(d)); // Extended Arabic-Indic ۰–۹
  }
  return map;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NOT_WORD_CHAR = /[^\p{L}\p{N}\p{M}]/u;
const NONSPACING_MARKS = /\p{Mn}/gu;

function isArabicBlock(cp: number): boolean {
  return (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff);
}

function foldCodePoint(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const mapped = FOLD_MAP.get(cp);
  if (mapped !== undefined) return mapped;
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  // Arabic letters have no case, and NFD would split ؤ/ئ into و/ي + hamza, which we must keep.
  if (isArabicBlock(cp)) return ch;
  const lower = ch.toLowerCase();
  return lower.normalize("NFD").replace(NONSPACING_MARKS, "");
}

function foldUncached(cluster: string): string {
  // A base that is deleted anyway (tatweel, a control, an isolated haraka form such as U+FE70,
  // whose NFKC form " ً" would otherwise leave a space behind) is deleted before NFKC sees it.
  const base = cluster.codePointAt(0) ?? 0;
  if (FOLD_MAP.get(base) === "") {
    let rest = "";
    for (const ch of cluster.slice(base > 0xffff ? 2 : 1)) rest += foldCodePoint(ch);
    return rest;
  }
  let normalized = cluster.normalize("NFKC");
  // "Where safe": the NFKC form is used only when it does not hold both letters/digits and other
  // non-mark characters (ﻻ → لا, ﷲ → الله, Ｎ → N, NBSP → space, … → ... are fine). A mixed result
  // would put a word boundary inside one original character (ﷺ → "صلى الله عليه وسلم", ½ → "1⁄2",
  // ℅ → "c/o"), which tokens and highlight spans could not represent; such clusters stay as they are.
  if (normalized !== cluster && LETTER_OR_DIGIT.test(normalized) && NOT_WORD_CHAR.test(normalized)) {
    normalized = cluster;
  }
  let out = "";
  for (const ch of normalized) out += foldCodePoint(ch);
  return out;
}

const SINGLE_UNIT: (string | undefined)[] = new Array<string | undefined>(0x10000);
const CLUSTER_CACHE = new Map<string, string>();
const CLUSTER_CACHE_LIMIT = 50_000;

/**
 * Folds one cluster (a base code point plus its trailing combining marks, as delimited by
 * `clusterEnd`) to its comparison form; may return "" (a deleted mark or control) or several
 * characters (a ligature such as "ﻻ" → "لا").
 *
 * Why per cluster: NFKC and the Arabic table both act locally, so folding cluster by cluster gives
 * the same text as folding the whole string while letting `foldWithOffsets` know exactly which
 * original characters each folded character came from. Results are memoised (a pure cache, bounded
 * in size), so hot loops do not renormalise the same letter twice.
 */
export function foldCluster(cluster: string): string {
  if (cluster.length === 1) {
    const unit = cluster.charCodeAt(0);
    let folded = SINGLE_UNIT[unit];
    if (folded === undefined) {
      folded = foldUncached(cluster);
      SINGLE_UNIT[unit] = folded;
    }
    return folded;
  }
  let folded = CLUSTER_CACHE.get(cluster);
  if (folded === undefined) {
    folded = foldUncached(cluster);
    if (CLUSTER_CACHE.size >= CLUSTER_CACHE_LIMIT) CLUSTER_CACHE.clear();
    CLUSTER_CACHE.set(cluster, folded);
  }
  return folded;
}
