/** One problem in the curated record, located by file and entry so a curator can fix it. */
export interface RecordProblem {
  file: string;
  entry: string;
  message: string;
}

/**
 * The record cannot be seeded. Carries every problem found, not just the first, so one run of
 * `npm run db:seed` shows a curator everything to fix.
 */
export class RecordError extends Error {
  constructor(readonly problems: RecordProblem[]) {
    super(
      `The curated record has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written:\n` +
        problems.map((p) => `  ${p.file} › ${p.entry}: ${p.message}`).join("\n"),
    );
    this.name = "RecordError";
  }
}
