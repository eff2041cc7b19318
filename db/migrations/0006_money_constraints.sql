CREATE TABLE "credit_periods" (
	"subscription_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'unpaid' NOT NULL,
	"invoice_id" uuid,
	"funded_cents" integer DEFAULT 0 NOT NULL,
	"credited_cents" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_periods_subscription_id_period_start_pk" PRIMARY KEY("subscription_id","period_start"),
	CONSTRAINT "credit_periods_state_check" CHECK (state in ('unpaid', 'paid', 'void')),
	CONSTRAINT "credit_periods_amounts_nonnegative" CHECK ("credit_periods"."funded_cents" >= 0 and "credit_periods"."credited_cents" >= 0),
	CONSTRAINT "credit_periods_only_paid_funds" CHECK ("credit_periods"."state" = 'paid' or "credit_periods"."funded_cents" = 0),
	CONSTRAINT "credit_periods_paid_within_funding" CHECK ("credit_periods"."state" <> 'paid' or ("credit_periods"."invoice_id" is not null and "credit_periods"."credited_cents" <= "credit_periods"."funded_cents"))
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"violation_count" integer NOT NULL,
	"checked" jsonb NOT NULL,
	"violations" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliation_runs_count_nonnegative" CHECK ("reconciliation_runs"."violation_count" >= 0)
);
--> statement-breakpoint
DROP INDEX "copy_events_idempotency_key";--> statement-breakpoint
DROP INDEX "creator_credits_copy_event_key";--> statement-breakpoint
ALTER TABLE "credit_periods" ADD CONSTRAINT "credit_periods_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_periods" ADD CONSTRAINT "credit_periods_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconciliation_runs_started_idx" ON "reconciliation_runs" USING btree ("started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_one_live_per_tenant" ON "subscriptions" USING btree ("tenant_id") WHERE status in ('trialing', 'active', 'past_due', 'paused', 'unpaid', 'incomplete');--> statement-breakpoint
CREATE UNIQUE INDEX "copy_events_idempotency_key" ON "copy_events" USING btree ("user_id","period_start","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "creator_credits_copy_event_key" ON "creator_credits" USING btree ("copy_event_id") WHERE deducted_in_payout_id is null;--> statement-breakpoint
ALTER TABLE "copy_events" ADD CONSTRAINT "copy_events_inside_period" CHECK ("copy_events"."created_at" >= "copy_events"."period_start" and "copy_events"."created_at" < "copy_events"."period_end");--> statement-breakpoint
ALTER TABLE "copy_events" ADD CONSTRAINT "copy_events_counted_has_subscription" CHECK (not "copy_events"."counted_for_payout" or "copy_events"."subscription_id" is not null);--> statement-breakpoint
ALTER TABLE "copy_period_usage" ADD CONSTRAINT "copy_period_usage_paid_cap" CHECK ("copy_period_usage"."paid_copies" <= 100);--> statement-breakpoint
ALTER TABLE "creator_credits" ADD CONSTRAINT "creator_credits_earned_has_invoice" CHECK ("creator_credits"."status" not in ('earned', 'paid_out') or ("creator_credits"."earned_at" is not null and "creator_credits"."invoice_id" is not null));--> statement-breakpoint
ALTER TABLE "creator_credits" ADD CONSTRAINT "creator_credits_reversed_has_time" CHECK ("creator_credits"."status" <> 'reversed' or "creator_credits"."reversed_at" is not null);--> statement-breakpoint
ALTER TABLE "creator_credits" ADD CONSTRAINT "creator_credits_deduction" CHECK ("creator_credits"."deducted_in_payout_id" is null or ("creator_credits"."status" = 'reversed' and "creator_credits"."payout_id" is not null and "creator_credits"."deducted_in_payout_id" <> "creator_credits"."payout_id"));--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_paid_has_transfer" CHECK ("payouts"."status" <> 'paid' or ("payouts"."stripe_transfer_id" is not null and "payouts"."paid_at" is not null));--> statement-breakpoint
-- One credit_periods row per (subscription, period) that already has credits, from its invoices: paid (70% of the net
-- paid, in cents, rounded down; a withdrawn dispute nets to 0), void (every live credit void) or unpaid. A paid period
-- whose credits exceed what it funds is left unpaid so that the next sync from Stripe settles it (and reversing the
-- excess is the lifecycle's job, not a migration's).
INSERT INTO "credit_periods" ("subscription_id", "period_start", "period_end", "state", "invoice_id", "funded_cents", "credited_cents")
SELECT c.subscription_id, c.period_start, c.period_end,
       CASE WHEN paid.invoice_id IS NOT NULL AND c.live <= paid.funded THEN 'paid'
            WHEN paid.invoice_id IS NULL AND c.live = 0 AND c.voided > 0 THEN 'void'
            ELSE 'unpaid' END,
       CASE WHEN paid.invoice_id IS NOT NULL AND c.live <= paid.funded THEN paid.invoice_id END,
       CASE WHEN paid.invoice_id IS NOT NULL AND c.live <= paid.funded THEN paid.funded ELSE 0 END,
       c.live
FROM (
  SELECT subscription_id, period_start, max(period_end) AS period_end,
         coalesce(sum(amount_cents) FILTER (WHERE status IN ('pending', 'earned', 'paid_out')), 0)::int AS live,
         count(*) FILTER (WHERE status = 'void')::int AS voided
  FROM "creator_credits"
  WHERE deducted_in_payout_id IS NULL
  GROUP BY subscription_id, period_start
) c
LEFT JOIN LATERAL (
  SELECT (array_agg(i.id ORDER BY i.paid_at, i.id))[1] AS invoice_id,
         (floor(sum(CASE WHEN i.disputed THEN 0 ELSE greatest(i.amount_paid_cents - i.amount_refunded_cents, 0) END) * 7 / 10))::int AS funded
  FROM "invoices" i
  WHERE i.subscription_id = c.subscription_id AND i.period_start = c.period_start AND i.status = 'paid'
  HAVING count(*) > 0
) paid ON true;
