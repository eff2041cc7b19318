CREATE INDEX "creator_credits_creator_created_idx" ON "creator_credits" USING btree ("creator_id","created_at");--> statement-breakpoint
CREATE INDEX "creator_credits_payout_idx" ON "creator_credits" USING btree ("payout_id");--> statement-breakpoint
CREATE INDEX "creator_credits_deducted_idx" ON "creator_credits" USING btree ("deducted_in_payout_id");--> statement-breakpoint
CREATE INDEX "payouts_retry_due_idx" ON "payouts" USING btree ("next_attempt_at") WHERE status = 'failed' and not needs_admin;