CREATE TABLE "subscription_period_usage" (
	"subscription_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"paid_copies" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_period_usage_subscription_id_period_start_pk" PRIMARY KEY("subscription_id","period_start"),
	CONSTRAINT "subscription_period_usage_nonnegative" CHECK ("subscription_period_usage"."paid_copies" >= 0)
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "accepted_by_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "sent_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "subscription_period_usage" ADD CONSTRAINT "subscription_period_usage_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_open_email_key" ON "invitations" USING btree ("tenant_id","email") WHERE accepted_at is null and declined_at is null and revoked_at is null;--> statement-breakpoint
CREATE INDEX "tenant_members_tenant_joined_idx" ON "tenant_members" USING btree ("tenant_id","created_at","user_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_one_outcome" CHECK (("invitations"."accepted_at" is not null)::int + ("invitations"."declined_at" is not null)::int + ("invitations"."revoked_at" is not null)::int <= 1);