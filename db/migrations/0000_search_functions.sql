-- array_to_string is only STABLE, so a generated column cannot call it directly.
-- Joining a text[] with a space is deterministic, so this wrapper is declared IMMUTABLE for flows.search_vector.
CREATE FUNCTION flowtab_immutable_join(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_to_string($1, ' ') $$;
