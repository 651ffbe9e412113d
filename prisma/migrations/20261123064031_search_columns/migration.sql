-- Shadow columns for the full-text index: normalised (normalizeForSearch) copies of the indexed
-- text, written by the Prisma client (src/search/withSearchColumns.ts) and copied into
-- "SearchIndex" by the triggers of the next migration.
--
-- Hand-written instead of the RedefineTables script `prisma migrate diff` proposes: the runner
-- (src/db/migrate.ts) applies each migration inside a transaction with foreign keys on, where
-- "PRAGMA foreign_keys=OFF" is a no-op, so that script's `DROP TABLE "Article"` would cascade and
-- delete every Evidence, Mention and Position row of a populated database. ADD COLUMN gives the
-- same schema (the new columns go last either way) without touching existing rows.
ALTER TABLE "Article" ADD COLUMN "searchHeadline" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Article" ADD COLUMN "searchBody" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Meeting" ADD COLUMN "searchSummaryAr" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Meeting" ADD COLUMN "searchSummaryEn" TEXT NOT NULL DEFAULT '';
