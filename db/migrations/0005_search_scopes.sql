ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_scopes_known";--> statement-breakpoint
ALTER TABLE "flows" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "flows" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (flowtab_flow_public_tsvector(title, summary, tags, sites, agents, steps) || flowtab_flow_text_tsvector(steps, prompt_text)) STORED NOT NULL;--> statement-breakpoint
-- Dropping the column dropped its index: build it again on the new column.
CREATE INDEX "flows_search_idx" ON "flows" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "flows" ADD COLUMN "public_search_vector" "tsvector" GENERATED ALWAYS AS (flowtab_flow_public_tsvector(title, summary, tags, sites, agents, steps) || case when is_premium then ''::tsvector else flowtab_flow_text_tsvector(steps, prompt_text) end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "flows_public_search_idx" ON "flows" USING gin ("public_search_vector");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_known" CHECK (scopes <@ array['flows:read', 'flows:copy', 'earnings:read']::text[]);