-- Full-text index over the record, PostgreSQL twin of the SQLite FTS5 migration of the same name
-- (docs/search.md). Hand-written: Prisma's datamodel cannot describe tsvector columns, GIN indexes
-- or triggers.
--
-- One table for actors, articles, meetings and topics, docid = id * 8 + kind, with kind 1 Actor,
-- 2 Article, 3 Meeting, 4 Topic (src/search/searchKinds.ts), as the FTS5 rowid: a document is
-- replaced by docid and a hit names its record without a join. It holds only the tsvector (no copy
-- of the text), like the contentless FTS5 table.
--
-- The text indexed is already normalised by normalizeForSearch in JS (the shadow columns
-- "Actor"."searchText", "Topic"."searchText", "Article"."searchHeadline"/"searchBody",
-- "Meeting"."searchSummaryAr"/"searchSummaryEn"): tokens separated by spaces or newlines. The
-- tsvector is built from those tokens verbatim, NOT with to_tsvector: the default text search
-- parser classifies characters through the database's LC_CTYPE, and under C.UTF-8 it drops or
-- splits 18,876 of the 387,964 distinct tokens the normaliser makes of single letters, digits and
-- marks (vulgar fractions, Bengali currency numerals, letters newer than the C library's tables
-- such as U+088F; under C it keeps them all). The literal keeps exactly the JS tokens whatever
-- the locale (test/search/postgresTokens.test.ts).
--   weight A: names, aliases and keywords (actors, topics), headlines (articles)    = FTS5 title
--   weight D: article bodies, meeting summaries (Arabic, then English)               = FTS5 body
-- Body positions continue after the title's with one position left empty, so a phrase cannot run
-- from the last word of a headline into the first word of the body (FTS5's columns are separate),
-- while lines within one column (aliases, the two summaries) follow each other as in FTS5.
-- Limits PostgreSQL has and FTS5 does not: positions above 16383 are all stored as 16383, and a
-- lexeme keeps at most 256 positions, so phrases deep inside very long texts can be missed (single
-- words are still found); a token over 2046 bytes is left out (the literal would be refused, and
-- the record's write with it); toTsQuery makes such a query term match nothing.
CREATE TABLE "SearchIndex" (
  "docid" BIGINT PRIMARY KEY,
  "doc" tsvector NOT NULL
);
-- Compressed but inline (out of line only when a row cannot fit a page): ranking reads every
-- matching document, and fetching each from the TOAST table tripled the time of a page of hits
-- for a common word on 10,000 articles (124 → 38 ms).
ALTER TABLE "SearchIndex" ALTER COLUMN "doc" SET STORAGE MAIN;
CREATE INDEX "SearchIndex_doc_idx" ON "SearchIndex" USING GIN ("doc");

-- The document of one record: title and body tokens with their positions and weights, as a
-- tsvector literal. Every token is quoted and escaped (the whole text at once, before splitting),
-- so its characters are never literal syntax. plpgsql rather than SQL: a non-inlinable SQL
-- function is planned again on every call, and this runs once per written row (measured 2x
-- faster; to_tsvector is 2x faster again, but not exact).
CREATE FUNCTION "searchIndexDocument"(title TEXT, body TEXT) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t TEXT[] := array_remove(string_to_array(translate(replace(replace(COALESCE(title, ''), '\', '\\'), '''', ''''''), E'\t\n\r\f\x0B', '     '), ' '), '');
  b TEXT[] := array_remove(string_to_array(translate(replace(replace(COALESCE(body, ''), '\', '\\'), '''', ''''''), E'\t\n\r\f\x0B', '     '), ' '), '');
BEGIN
  RETURN concat_ws(' ',
    (SELECT string_agg('''' || x || ''':' || n || 'A', ' ') FROM unnest(t) WITH ORDINALITY AS u(x, n) WHERE octet_length(x) <= 2046),
    (SELECT string_agg('''' || x || ''':' || (cardinality(t) + 1 + n), ' ') FROM unnest(b) WITH ORDINALITY AS u(x, n) WHERE octet_length(x) <= 2046)
  )::tsvector;
END
$$;

-- The triggers only copy text JS has normalised, so they fire on every connection (Prisma's
-- driver adapter, the API's pool, psql) and on cascading deletes. Updates fire only when that
-- text or the id really changes, so seeding twice does not churn the index. An insert replaces a
-- document already there rather than failing the record's write. search_path is pinned to the
-- one this migration ran with, so a session with another search_path still finds "SearchIndex".
CREATE FUNCTION "SearchIndex_Actor"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."id" <> NEW."id") THEN
    DELETE FROM "SearchIndex" WHERE "docid" = OLD."id"::bigint * 8 + 1;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "SearchIndex" ("docid", "doc") VALUES (NEW."id"::bigint * 8 + 1, "searchIndexDocument"(NEW."searchText", ''))
    ON CONFLICT ("docid") DO UPDATE SET "doc" = EXCLUDED."doc";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "SearchIndex_Article"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."id" <> NEW."id") THEN
    DELETE FROM "SearchIndex" WHERE "docid" = OLD."id"::bigint * 8 + 2;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "SearchIndex" ("docid", "doc") VALUES (NEW."id"::bigint * 8 + 2, "searchIndexDocument"(NEW."searchHeadline", NEW."searchBody"))
    ON CONFLICT ("docid") DO UPDATE SET "doc" = EXCLUDED."doc";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "SearchIndex_Meeting"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."id" <> NEW."id") THEN
    DELETE FROM "SearchIndex" WHERE "docid" = OLD."id"::bigint * 8 + 3;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "SearchIndex" ("docid", "doc") VALUES (NEW."id"::bigint * 8 + 3, "searchIndexDocument"('', NEW."searchSummaryAr" || E'\n' || NEW."searchSummaryEn"))
    ON CONFLICT ("docid") DO UPDATE SET "doc" = EXCLUDED."doc";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "SearchIndex_Topic"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."id" <> NEW."id") THEN
    DELETE FROM "SearchIndex" WHERE "docid" = OLD."id"::bigint * 8 + 4;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "SearchIndex" ("docid", "doc") VALUES (NEW."id"::bigint * 8 + 4, "searchIndexDocument"(NEW."searchText", ''))
    ON CONFLICT ("docid") DO UPDATE SET "doc" = EXCLUDED."doc";
  END IF;
  RETURN NULL;
END
$$;

-- TRUNCATE (which SQLite lacks; test resets and TRUNCATE … CASCADE use it) fires no row trigger:
-- drop every document of the kind named by the trigger's argument.
CREATE FUNCTION "SearchIndex_truncate"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM "SearchIndex" WHERE "docid" % 8 = TG_ARGV[0]::integer;
  RETURN NULL;
END
$$;

CREATE TRIGGER "SearchIndex_Actor_insert" AFTER INSERT ON "Actor" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Actor"();
CREATE TRIGGER "SearchIndex_Actor_update" AFTER UPDATE OF "id", "searchText" ON "Actor" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."searchText" IS DISTINCT FROM NEW."searchText")
  EXECUTE FUNCTION "SearchIndex_Actor"();
CREATE TRIGGER "SearchIndex_Actor_delete" AFTER DELETE ON "Actor" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Actor"();
CREATE TRIGGER "SearchIndex_Actor_truncate" AFTER TRUNCATE ON "Actor" FOR EACH STATEMENT EXECUTE FUNCTION "SearchIndex_truncate"('1');

CREATE TRIGGER "SearchIndex_Article_insert" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Article"();
CREATE TRIGGER "SearchIndex_Article_update" AFTER UPDATE OF "id", "searchHeadline", "searchBody" ON "Article" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."searchHeadline" IS DISTINCT FROM NEW."searchHeadline" OR OLD."searchBody" IS DISTINCT FROM NEW."searchBody")
  EXECUTE FUNCTION "SearchIndex_Article"();
CREATE TRIGGER "SearchIndex_Article_delete" AFTER DELETE ON "Article" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Article"();
CREATE TRIGGER "SearchIndex_Article_truncate" AFTER TRUNCATE ON "Article" FOR EACH STATEMENT EXECUTE FUNCTION "SearchIndex_truncate"('2');

CREATE TRIGGER "SearchIndex_Meeting_insert" AFTER INSERT ON "Meeting" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Meeting"();
CREATE TRIGGER "SearchIndex_Meeting_update" AFTER UPDATE OF "id", "searchSummaryAr", "searchSummaryEn" ON "Meeting" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."searchSummaryAr" IS DISTINCT FROM NEW."searchSummaryAr" OR OLD."searchSummaryEn" IS DISTINCT FROM NEW."searchSummaryEn")
  EXECUTE FUNCTION "SearchIndex_Meeting"();
CREATE TRIGGER "SearchIndex_Meeting_delete" AFTER DELETE ON "Meeting" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Meeting"();
CREATE TRIGGER "SearchIndex_Meeting_truncate" AFTER TRUNCATE ON "Meeting" FOR EACH STATEMENT EXECUTE FUNCTION "SearchIndex_truncate"('3');

CREATE TRIGGER "SearchIndex_Topic_insert" AFTER INSERT ON "Topic" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Topic"();
CREATE TRIGGER "SearchIndex_Topic_update" AFTER UPDATE OF "id", "searchText" ON "Topic" FOR EACH ROW
  WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."searchText" IS DISTINCT FROM NEW."searchText")
  EXECUTE FUNCTION "SearchIndex_Topic"();
CREATE TRIGGER "SearchIndex_Topic_delete" AFTER DELETE ON "Topic" FOR EACH ROW EXECUTE FUNCTION "SearchIndex_Topic"();
CREATE TRIGGER "SearchIndex_Topic_truncate" AFTER TRUNCATE ON "Topic" FOR EACH STATEMENT EXECUTE FUNCTION "SearchIndex_truncate"('4');

-- Rows that exist already. Articles and meetings written before the shadow columns have them
-- empty; fillSearchColumns (run after migrating) normalises them in JS, and the update triggers
-- above then index them.
INSERT INTO "SearchIndex" ("docid", "doc") SELECT "id"::bigint * 8 + 1, "searchIndexDocument"("searchText", '') FROM "Actor";
INSERT INTO "SearchIndex" ("docid", "doc") SELECT "id"::bigint * 8 + 2, "searchIndexDocument"("searchHeadline", "searchBody") FROM "Article";
INSERT INTO "SearchIndex" ("docid", "doc") SELECT "id"::bigint * 8 + 3, "searchIndexDocument"('', "searchSummaryAr" || E'\n' || "searchSummaryEn") FROM "Meeting";
INSERT INTO "SearchIndex" ("docid", "doc") SELECT "id"::bigint * 8 + 4, "searchIndexDocument"("searchText", '') FROM "Topic";
