import { createHash } from "node:crypto";

/** An article as stored: headline split off, boilerplate lines removed, the rest as the body. */
export interface StoredText {
  headline: string | null;
  body: string;
  removedLines: string[];
}

/**
 * Derives the stored text from the original file. Boilerplate lines are removed wherever they
 * stand (exact, trimmed match); the headline, when the record names one, must be the first
 * remaining line. Blank-line runs left behind collapse so the body reads as published.
 * Returns the problem as a string when the record does not fit the file.
 */
export function storedText(original: string, headline: string | null, boilerplate: readonly string[]): StoredText | string {
  const lines = original.replace(/\r\n?/g, "\n").split("\n");
  const removed: string[] = [];
  const kept: string[] = [];
  for (const line of lines) {
    if (boilerplate.includes(line.trim())) removed.push(line.trim());
    else kept.push(line);
  }
  for (const line of boilerplate) {
    if (!removed.includes(line)) return `boilerplate line not found as a whole line of the file: "${line}"`;
  }
  while (kept.length > 0 && kept[0]!.trim() === "") kept.shift();
  if (headline !== null) {
    if (kept[0]?.trim() !== headline) return `headline is not the first line of the text (first line: "${kept[0] ?? ""}")`;
    kept.shift();
  }
  const body = kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return { headline, body, removedLines: removed };
}

/**
 * Identity of a text for duplicate detection: whitespace and Unicode form do not make a second
 * copy a different article.
 */
export function contentHash(text: StoredText): string {
  const canonical = `${text.headline ?? ""}\n${text.body}`.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(canonical).digest("hex");
}
