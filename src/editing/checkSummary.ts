import { badUserInput } from "../errors/badUserInput.js";

/** Longest summary accepted, in characters (code points): a paragraph, not an article. */
export const MAX_SUMMARY_LENGTH = 2000;

// C0 and C1 controls except tab and line breaks; they have no business in prose and can hide text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A summary as stored: trimmed, well-formed Unicode, 1–2000 characters, no control characters;
 * the Arabic one must contain Arabic letters. Anything else is a BAD_USER_INPUT naming the argument.
 */
export function checkSummary(value: string, argument: "summaryEn" | "summaryAr"): string {
  if (LONE_SURROGATE.test(value)) throw badUserInput(`\`${argument}\` contains broken Unicode (a lone surrogate): send well-formed UTF-8 text.`, argument);
  const text = value.trim();
  const length = [...text].length;
  if (length === 0) throw badUserInput(`\`${argument}\` is empty: give the summary text.`, argument);
  if (length > MAX_SUMMARY_LENGTH) throw badUserInput(`\`${argument}\` may be at most ${MAX_SUMMARY_LENGTH} characters, got ${length}.`, argument);
  if (CONTROL.test(text)) throw badUserInput(`\`${argument}\` contains a control character: remove it (line breaks are fine).`, argument);
  if (argument === "summaryAr" && !ARABIC_LETTER.test(text)) throw badUserInput("`summaryAr` has no Arabic letters: give the Arabic summary here.", argument);
  return text;
}
