import { foldText, foldWithOffsets } from "../text/index.js";
import type { DateProposal } from "./types.js";

/** A date expression found in a text, with its place (original offsets). */
export interface DateMention {
  start: number;
  end: number;
  date: DateProposal;
}

// Both month-name systems in use: Levantine/Iraqi (كانون الثاني …) and Egyptian/Gulf (يناير …).
const MONTHS: [string, number][] = [
  ["كانون الثاني", 1], ["شباط", 2], ["آذار", 3], ["نيسان", 4], ["أيار", 5], ["حزيران", 6], ["تموز", 7], ["آب", 8],
  ["أيلول", 9], ["تشرين الأول", 10], ["تشرين الثاني", 11], ["كانون الأول", 12],
  ["يناير", 1], ["فبراير", 2], ["مارس", 3], ["أبريل", 4], ["إبريل", 4], ["ابريل", 4], ["مايو", 5], ["يونيو", 6], ["يونيه", 6],
  ["يوليو", 7], ["يوليه", 7], ["أغسطس", 8], ["سبتمبر", 9], ["أكتوبر", 10], ["نوفمبر", 11], ["ديسمبر", 12],
];
const WEEKDAYS: [string, string, number][] = [
  ["الأحد", "SUNDAY", 0], ["الاثنين", "MONDAY", 1], ["الإثنين", "MONDAY", 1], ["الثلاثاء", "TUESDAY", 2], ["الأربعاء", "WEDNESDAY", 3],
  ["الخميس", "THURSDAY", 4], ["الجمعة", "FRIDAY", 5], ["السبت", "SATURDAY", 6],
];

const alt = (xs: string[]) => xs.map((x) => foldText(x)).sort((a, b) => b.length - a.length).join("|");
const MONTH_RE = alt(MONTHS.map(([m]) => m));
const WEEKDAY_RE = alt(WEEKDAYS.map(([w]) => w));
// Folded text: Arabic-Indic digits are already 0-9; "الماضي"/"الجاري" and "م" after the year are noise.
const FULL = new RegExp(`(?:(${WEEKDAY_RE})\\s*[،,]?\\s*)?(?<![\\d])(\\d{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?(${MONTH_RE})(?![\\p{L}])(?:\\s*\\/\\s*(?:${MONTH_RE}))?(?:\\s+(?:من\\s+)?(?:العام\\s+|عام\\s+)?(\\d{4}))?`, "gu");
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(?:شهر\\s+)?(${MONTH_RE})(?![\\p{L}])(?:\\s*\\/\\s*(?:${MONTH_RE}))?\\s+(?:من\\s+)?(?:العام\\s+|عام\\s+)?(\\d{4})`, "gu");
const RELATIVE = new RegExp(`(?:(?:صباح|مساء|ظهر|فجر|ليل)\\s+)?(اليوم|امس|يوم|الليله|ليله)?\\s*(?:(?:صباح|مساء)\\s+)?(${WEEKDAY_RE})(?![\\p{L}])`, "gu");

const monthOf = (folded: string) => MONTHS.find(([m]) => foldText(m) === folded)![1];
const weekdayOf = (folded: string) => WEEKDAYS.find(([w]) => foldText(w) === folded)!;
const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => d.toISOString().slice(0, 10);

function lastWeekday(onOrBefore: string, weekday: number): string {
  const d = new Date(`${onOrBefore}T00:00:00Z`);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

/**
 * Every date expression in a text, each with the precision the text allows:
 * - "24 يناير 2023", "٢٤ كانون الثاني ٢٠٢٣", "الثلاثاء 24 يناير 2023" → DAY, STATED (year from the
 *   publication date when only day and month are written);
 * - "كانون الثاني 2023" → MONTH;
 * - "اليوم الثلاثاء", "مساء أمس الأربعاء" → with a publication date, the day it names (the latest
 *   such weekday on or before publication; "أمس" the day before); without one, the weekday alone.
 */
export function parseDates(text: string, publishedOn: string | null): DateMention[] {
  const { text: f, offsets } = foldWithOffsets(text);
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const push = (a: number, b: number, date: DateProposal) => {
    if (taken.some(([s, e]) => a < e && s < b)) return;
    taken.push([a, b]);
    const start = offsets[a]!;
    const end = offsets[b]!;
    out.push({ start, end, date: { ...date, text: text.slice(start, end).trim() } });
  };
  for (const m of f.matchAll(FULL)) {
    const day = Number(m[2]);
    const month = monthOf(m[3]!);
    const year = m[4] ? Number(m[4]) : publishedOn ? Number(publishedOn.slice(0, 4)) : null;
    if (day < 1 || day > 31) continue;
    const weekday = m[1] ? weekdayOf(m[1])[1] : null;
    const at = m.index! + (m[0].length - m[0].trimStart().length);
    if (year === null) {
      push(at, m.index! + m[0].length, { precision: "RANGE", earliest: null, latest: null, weekday, derivation: "STATED", text: null, note: `day ${day} of month ${month}, year not given` });
    } else {
      const d = `${year}-${pad(month)}-${pad(day)}`;
      push(at, m.index! + m[0].length, { precision: "DAY", earliest: d, latest: d, weekday, derivation: "STATED", text: null, note: m[4] ? null : "year from the publication date" });
    }
  }
  for (const m of f.matchAll(MONTH_YEAR)) {
    const month = monthOf(m[1]!);
    const year = Number(m[2]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    push(m.index!, m.index! + m[0].length, { precision: "MONTH", earliest: `${year}-${pad(month)}-01`, latest: `${year}-${pad(month)}-${pad(last)}`, weekday: null, derivation: "STATED", text: null, note: null });
  }
  for (const m of f.matchAll(RELATIVE)) {
    const [name, weekday, index] = weekdayOf(m[2]!);
    const yesterday = m[1] === "امس";
    if (publishedOn) {
      const anchor = new Date(`${publishedOn}T00:00:00Z`);
      if (yesterday) anchor.setUTCDate(anchor.getUTCDate() - 1);
      const d = lastWeekday(iso(anchor), index);
      push(m.index!, m.index! + m[0].length, { precision: "DAY", earliest: d, latest: d, weekday, derivation: "WEEKDAY_CONTEXT", text: null, note: `${name} resolved against the publication date ${publishedOn}` });
    } else {
      push(m.index!, m.index! + m[0].length, { precision: "RANGE", earliest: null, latest: null, weekday, derivation: "WEEKDAY_CONTEXT", text: null, note: "weekday only; no publication date given" });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
