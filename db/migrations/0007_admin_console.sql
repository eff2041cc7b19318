CREATE TABLE "stripe_event_log" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "stripe_event_log_status_check" CHECK (status in ('processed', 'failed', 'ignored')),
	CONSTRAINT "stripe_event_log_attempts_positive" CHECK ("stripe_event_log"."attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "admin_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_email" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_audit_log_action_format" CHECK ("admin_audit_log"."action" ~ '^[a-z_]+([.][a-z_]+)+$')
);
--> statement-breakpoint
ALTER TABLE "flow_reports" DROP CONSTRAINT "flow_reports_reason_check";--> statement-breakpoint
DROP INDEX "flow_reports_once_key";--> statement-breakpoint
ALTER TABLE "flow_reports" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_reports" ADD COLUMN "resolved_by_id" uuid;--> statement-breakpoint
-- Hand-written: reports resolved before statuses existed were dismissed; "plagiarism" is no longer a reason.
UPDATE "flow_reports" SET "status" = 'dismissed' WHERE "resolved_at" IS NOT NULL;--> statement-breakpoint
UPDATE "flow_reports" SET "reason" = 'other' WHERE "reason" NOT IN ('broken', 'outdated', 'unsafe', 'spam', 'other');--> statement-breakpoint
ALTER TABLE "flows" ADD COLUMN "unpublished_by_admin_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "admin_audit_log" ADD CONSTRAINT "admin_audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_event_log_received_idx" ON "stripe_event_log" USING btree ("received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "stripe_event_log_status_idx" ON "stripe_event_log" USING btree ("status","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_audit_log_created_idx" ON "admin_audit_log" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_audit_log_target_idx" ON "admin_audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
ALTER TABLE "flow_reports" ADD CONSTRAINT "flow_reports_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "flow_reports_one_open_key" ON "flow_reports" USING btree ("flow_id","reporter_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "flow_reports_queue_idx" ON "flow_reports" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "flow_reports" ADD CONSTRAINT "flow_reports_status_check" CHECK (status in ('open', 'dismissed', 'actioned'));--> statement-breakpoint
ALTER TABLE "flow_reports" ADD CONSTRAINT "flow_reports_details_length" CHECK (char_length(details) <= 1000);--> statement-breakpoint
ALTER TABLE "flow_reports" ADD CONSTRAINT "flow_reports_resolved_check" CHECK (("flow_reports"."status" = 'open') = ("flow_reports"."resolved_at" is null));--> statement-breakpoint
ALTER TABLE "flow_reports" ADD CONSTRAINT "flow_reports_reason_check" CHECK (reason in ('broken', 'outdated', 'unsafe', 'spam', 'other'));