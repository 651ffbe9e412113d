-- Hand-written (Prisma's datamodel cannot describe triggers): every write to a table the API reads
-- announces itself on the channel `taawun_record_changed`, so each API process, LISTENing on a
-- connection of its own, drops its response cache (src/cache/listenForChanges.ts,
-- docs/response-cache.md). The SQLite twin is a comment: SQLite has PRAGMA data_version.
--
-- Statement-level, so a statement touching 10,000 rows notifies once, not 10,000 times; and
-- PostgreSQL delivers one notification per transaction for repeated identical ones (same channel,
-- same empty payload), only when and if it commits. Every table but _prisma_migrations is covered,
-- SearchIndex included (the other tables' triggers write it, and search reads it);
-- test/cache/postgres.test.ts fails if a later migration adds a table without the trigger.
-- TRUNCATE is covered too: it fires no row or DELETE trigger.
CREATE FUNCTION "notify_record_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('taawun_record_changed', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Actor_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Actor"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "ActorRedirect_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActorRedirect"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "ActorAlias_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActorAlias"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Position_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Position"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Article_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Article"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Evidence_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Mention_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Mention"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Place_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Place"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Meeting_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "MeetingSource_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingSource"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Participant_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Participant"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Topic_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Topic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "MeetingTopic_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingTopic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "ArticleTopic_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ArticleTopic"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "ApiKey_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiKey"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "AuditLog_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Ingestion_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Ingestion"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "Proposal_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Proposal"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
CREATE TRIGGER "SearchIndex_notify_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SearchIndex"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_record_changed"();
