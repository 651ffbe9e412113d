-- Full-text index over the record (docs/search.md). Prisma's datamodel cannot describe FTS5
-- virtual tables or triggers, so this migration is hand-written; its schema.prisma snapshot is the
-- previous one, unchanged.
--
-- One contentless FTS5 table for actors, articles, meetings and topics. It holds only the index
-- (no copy of the text): the rows are read from their own tables. rowid = id * 8 + kind, with
-- kind 1 Actor, 2 Article, 3 Meeting, 4 Topic (src/search/searchKinds.ts), so a row is found and
-- replaced by rowid and a hit names its record without a join.
--
-- The text indexed is already normalised by normalizeForSearch in JS (the shadow columns
-- Actor.searchText, Topic.searchText, Article.searchHeadline/searchBody,
-- Meeting.searchSummaryAr/searchSummaryEn): tokens separated by spaces or newlines. The `ascii`
-- tokenizer splits on ASCII spaces and punctuation only and keeps every non-ASCII character in its
-- token, so FTS5 sees exactly the tokens the JS normaliser produced (unicode61 would split a token
-- at a combining mark and fold differently).
--   title: names, aliases and keywords (actors, topics), headlines (articles)
--   body:  article bodies, meeting summaries (Arabic, then English)
-- prefix='2 3' keeps prefix queries (الأعر*) from scanning the whole term list.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
  title,
  body,
  content = '',
  contentless_delete = 1,
  tokenize = 'ascii',
  prefix = '2 3'
);

-- The triggers are plain SQL, so they fire whichever connection writes: Prisma's driver adapter,
-- the API's read connection, the sqlite3 shell, and cascading deletes. They only copy text that
-- JS has normalised; they fire on updates only when that text (or the id) really changes, so
-- seeding twice does not churn the index.
CREATE TRIGGER "SearchIndex_Actor_insert" AFTER INSERT ON "Actor" BEGIN
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 1, new.searchText, '');
END;
CREATE TRIGGER "SearchIndex_Actor_update" AFTER UPDATE OF id, searchText ON "Actor"
WHEN old.id IS NOT new.id OR old.searchText IS NOT new.searchText BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 1;
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 1, new.searchText, '');
END;
CREATE TRIGGER "SearchIndex_Actor_delete" AFTER DELETE ON "Actor" BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER "SearchIndex_Article_insert" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 2, new.searchHeadline, new.searchBody);
END;
CREATE TRIGGER "SearchIndex_Article_update" AFTER UPDATE OF id, searchHeadline, searchBody ON "Article"
WHEN old.id IS NOT new.id OR old.searchHeadline IS NOT new.searchHeadline OR old.searchBody IS NOT new.searchBody BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 2;
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 2, new.searchHeadline, new.searchBody);
END;
CREATE TRIGGER "SearchIndex_Article_delete" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER "SearchIndex_Meeting_insert" AFTER INSERT ON "Meeting" BEGIN
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 3, '', new.searchSummaryAr || char(10) || new.searchSummaryEn);
END;
CREATE TRIGGER "SearchIndex_Meeting_update" AFTER UPDATE OF id, searchSummaryAr, searchSummaryEn ON "Meeting"
WHEN old.id IS NOT new.id OR old.searchSummaryAr IS NOT new.searchSummaryAr OR old.searchSummaryEn IS NOT new.searchSummaryEn BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 3;
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 3, '', new.searchSummaryAr || char(10) || new.searchSummaryEn);
END;
CREATE TRIGGER "SearchIndex_Meeting_delete" AFTER DELETE ON "Meeting" BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER "SearchIndex_Topic_insert" AFTER INSERT ON "Topic" BEGIN
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 4, new.searchText, '');
END;
CREATE TRIGGER "SearchIndex_Topic_update" AFTER UPDATE OF id, searchText ON "Topic"
WHEN old.id IS NOT new.id OR old.searchText IS NOT new.searchText BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 4;
  INSERT INTO "SearchIndex" (rowid, title, body) VALUES (new.id * 8 + 4, new.searchText, '');
END;
CREATE TRIGGER "SearchIndex_Topic_delete" AFTER DELETE ON "Topic" BEGIN
  DELETE FROM "SearchIndex" WHERE rowid = old.id * 8 + 4;
END;

-- Rows that exist already. Articles and meetings written before this migration have empty shadow
-- columns; fillSearchColumns (run after migrating, src/search/fillSearchColumns.ts) normalises
-- them in JS, and the update triggers above then index them.
INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 1, searchText, '' FROM "Actor";
INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 2, searchHeadline, searchBody FROM "Article";
INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 3, '', searchSummaryAr || char(10) || searchSummaryEn FROM "Meeting";
INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 4, searchText, '' FROM "Topic";
