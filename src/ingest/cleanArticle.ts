/** The text as it will be stored, with what was removed and why. */
export interface CleanedArticle {
  headline: string | null;
  body: string;
  removedLines: { line: string; reason: string }[];
}

// Site furniture that news pages leave in copied text. Whole-line patterns only: a sentence of
// the report that merely contains "اشترك" must stay.
const BOILERPLATE: { reason: string; pattern: RegExp }[] = [
  { reason: "comments heading", pattern: /^(?:ال)?تعليقات(?:\s*\(\d+\))?$|^أضف تعليق(?:ا|ك)?$|^اترك تعليق(?:ا)?$/u },
  { reason: "subscription prompt", pattern: /(?:اشترك|للاشتراك|اشتركوا|تابعونا|تابعنا|ليصلك).{0,60}(?:قناتنا|قناة|النشرة|تليكرام|التليكرام|تلغرام|التلغرام|تيليجرام|واتساب|يوتيوب|فيسبوك|تويتر|الإخبارية|البريدية)/u },
  { reason: "share line", pattern: /^(?:شارك(?:وا)?|مشاركة|انشر|شارك الخبر|شارك على)(?:\s|:|$)/u },
  { reason: "social buttons", pattern: /^(?:(?:facebook|twitter|whatsapp|telegram|linkedin|email|فيسبوك|تويتر|واتساب|تلغرام|طباعة|print)[\s|·,،-]*)+$/iu },
  { reason: "read-more link", pattern: /^(?:اقرأ|إقرأ) (?:أيضا|أيضاً|المزيد)\s*:?/u },
];

const MAX_BOILERPLATE = 120;

// A headline is a short line that does not end a sentence; a dateline ("إيلاف من لندن:") opens body text.
const MAX_HEADLINE = 160;
const DATELINE = /^[^\s:]{2,20}(?: [^\s:]{2,20}){0,2} من [^\s:]{2,20}\s*:/u;

function looksLikeHeadline(line: string, hasMore: boolean): boolean {
  return hasMore && line.length <= MAX_HEADLINE && !/[.:؛!؟]$/u.test(line) && !DATELINE.test(line);
}

/**
 * Splits a pasted article into headline and body, removing boilerplate lines and a headline
 * repeated as the next line (pages often print it twice). Removed lines are returned so the
 * analyst sees exactly what did not make it into the stored text.
 */
export function cleanArticle(original: string): CleanedArticle {
  const removedLines: CleanedArticle["removedLines"] = [];
  const kept: string[] = [];
  for (const raw of original.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    // Furniture is short; a long line is a paragraph of the report even if it says "اشترك … قناة".
    const hit = line === "" || line.length > MAX_BOILERPLATE ? undefined : BOILERPLATE.find((b) => b.pattern.test(line));
    if (hit) removedLines.push({ line, reason: hit.reason });
    else kept.push(raw);
  }
  while (kept.length > 0 && kept[0]!.trim() === "") kept.shift();
  let headline: string | null = null;
  const first = kept[0]?.trim() ?? "";
  const rest = kept.slice(1).some((l) => l.trim() !== "");
  if (looksLikeHeadline(first, rest)) {
    headline = first;
    kept.shift();
    while (kept.length > 0 && kept[0]!.trim() === "") kept.shift();
    if (kept[0]?.trim() === headline) {
      removedLines.push({ line: headline, reason: "duplicated headline" });
      kept.shift();
    }
  }
  const body = kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return { headline, body, removedLines };
}
