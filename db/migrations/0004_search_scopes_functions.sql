-- Two search documents per flow (issue 11): what anyone may search, and what only entitled readers may search.
-- IMMUTABLE (they call only immutable functions and flowtab_immutable_join), so generated columns can use them.
-- Names inside the bodies are schema-qualified: a restore runs them with an empty search_path.

-- Title (A); summary, tags, sites and agents (B); step titles (C): the fields every visitor can read.
CREATE FUNCTION flowtab_flow_public_tsvector(title text, summary text, tags text[], sites text[], agents text[], steps jsonb)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig,
           coalesce(summary, '') || ' ' || coalesce(public.flowtab_immutable_join(tags), '') || ' '
           || coalesce(public.flowtab_immutable_join(sites), '') || ' ' || coalesce(public.flowtab_immutable_join(agents), '')), 'B')
      || setweight(jsonb_to_tsvector('english'::regconfig,
           jsonb_path_query_array(coalesce(steps, '[]'::jsonb), '$[*].title'), '["string"]'), 'C')
  $$;--> statement-breakpoint

-- Step bodies (C) and the prompt text (D): premium content unless the flow is free.
CREATE FUNCTION flowtab_flow_text_tsvector(steps jsonb, prompt_text text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(jsonb_to_tsvector('english'::regconfig,
             jsonb_path_query_array(coalesce(steps, '[]'::jsonb), '$[*].body'), '["string"]'), 'C')
      || setweight(to_tsvector('english'::regconfig, coalesce(prompt_text, '')), 'D')
  $$;
