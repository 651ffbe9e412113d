/** The `date*` columns shared by articles and meetings, as the `PartialDate` type's parent. */
export interface PartialDateRow {
  precision: string;
  earliest: string | null;
  latest: string | null;
  weekday: string | null;
  derivation: string;
  text: string | null;
  note: string | null;
}

interface DateColumns {
  datePrecision: string;
  dateEarliest: string | null;
  dateLatest: string | null;
  dateWeekday: string | null;
  dateDerivation: string;
  dateText: string | null;
  dateNote: string | null;
}

/** Reads the flattened columns back into one value. */
export function partialDateOf(row: DateColumns): PartialDateRow {
  return {
    precision: row.datePrecision,
    earliest: row.dateEarliest,
    latest: row.dateLatest,
    weekday: row.dateWeekday,
    derivation: row.dateDerivation,
    text: row.dateText,
    note: row.dateNote,
  };
}
