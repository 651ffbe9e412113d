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

/** The flattened columns for a partial date, with the sort key every dated list orders by. */
export function dateColumnsOf(date: PartialDateRow): DateColumns & { dateSort: string } {
  return {
    datePrecision: date.precision,
    dateEarliest: date.earliest,
    dateLatest: date.latest,
    dateWeekday: date.weekday,
    dateDerivation: date.derivation,
    dateText: date.text,
    dateNote: date.note,
    // Earliest day, else the latest, so an open range still sorts by the bound it has.
    dateSort: date.earliest ?? date.latest ?? "",
  };
}
