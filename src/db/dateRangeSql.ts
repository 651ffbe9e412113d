import { badUserInput } from "../errors/badUserInput.js";
import { checkIsoDay } from "./isoDate.js";

/**
 * SQL conditions keeping rows whose partial date (`<alias>.dateEarliest`..`dateLatest`, either
 * open) overlaps [from, to]: a fact known only as "some day in 2022" is kept for a 2022-06 range,
 * because dropping it would hide what the analyst asked about.
 */
export function dateRangeSql(alias: string, from: string | null | undefined, to: string | null | undefined): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (from != null) {
    where.push(`(${alias}.dateLatest IS NULL OR ${alias}.dateLatest >= ?)`);
    params.push(checkIsoDay(from, "filter.from"));
  }
  if (to != null) {
    where.push(`(${alias}.dateEarliest IS NULL OR ${alias}.dateEarliest <= ?)`);
    params.push(checkIsoDay(to, "filter.to"));
  }
  if (from != null && to != null && from > to) throw badUserInput(`\`filter.from\` (${from}) is after \`filter.to\` (${to}).`, "filter.from");
  return { where, params };
}
