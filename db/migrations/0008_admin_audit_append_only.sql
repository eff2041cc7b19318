-- The admin audit log is append-only: an entry, once committed, is never changed or removed.
-- (TRUNCATE, which tests use to empty every table, is a separate privilege and fires no row trigger.)
CREATE FUNCTION flowtab_refuse_audit_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'admin_audit_log is append-only'; END $$;--> statement-breakpoint
CREATE TRIGGER admin_audit_log_append_only
  BEFORE UPDATE OR DELETE ON "admin_audit_log"
  FOR EACH ROW EXECUTE FUNCTION flowtab_refuse_audit_change();--> statement-breakpoint
-- Events applied before the log existed appear in it as processed.
INSERT INTO "stripe_event_log" ("id", "type", "stripe_created_at", "status", "attempts", "received_at", "last_attempt_at", "processed_at")
SELECT "id", "type", "stripe_created_at", 'processed', 1, "created_at", "created_at", "created_at"
FROM "processed_stripe_events"
ON CONFLICT ("id") DO NOTHING;
