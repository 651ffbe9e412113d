import { badUserInput } from "../errors/badUserInput.js";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (so `2023-02-30` is false). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validates a day argument at the edge. */
export function checkIsoDay(value: string, argument: string): string {
  if (!isIsoDay(value)) throw badUserInput(`\`${argument}\` must be a calendar day written YYYY-MM-DD, got "${value}".`, argument);
  return value;
}
