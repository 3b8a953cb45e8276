-- The application connects in a restricted role (DatabaseConfiguration sets it on every
-- connection); only Flyway connects as the schema owner. Tables get the ordinary grants by
-- default; a module that needs less (audit: no UPDATE, no DELETE) revokes them itself.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE ${appRole} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object THEN
  NULL; -- another migration created it concurrently
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT ${appRole} TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL; -- a superuser may SET ROLE without membership
END
$$;

GRANT USAGE ON SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

-- Spring Modulith's event publication registry: the outbox of DESIGN.md (schema v2 of
-- spring-modulith-events-jdbc 2.0).
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
