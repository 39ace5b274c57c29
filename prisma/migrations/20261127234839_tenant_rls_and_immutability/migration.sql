-- Hand-written: tenant isolation by row-level security, and immutable published versions.

-- app_user: the unprivileged role tenant-scoped transactions switch to (set_config('role', ...)).
-- It has no LOGIN and no BYPASSRLS; on a production server the app's login role is granted it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO app_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app_user;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_user;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app_user;

-- The tenant of the current transaction; NULL (and so no rows) outside a tenant context.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measures_documents', 'measures_versions', 'measures_sections', 'certifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t
    );
  END LOOP;
END
$$;

-- A published version is a legal record: it never changes and is never deleted, whoever asks.
ALTER TABLE "measures_versions" ADD CONSTRAINT "published_version_is_dated"
  CHECK (status <> 'PUBLISHED' OR (published_at IS NOT NULL AND effective_at IS NOT NULL));

CREATE FUNCTION measures_version_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.status = 'PUBLISHED' THEN
    RAISE EXCEPTION 'published measures version % is immutable', OLD.number
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER measures_version_immutable
  BEFORE UPDATE OR DELETE ON "measures_versions"
  FOR EACH ROW EXECUTE FUNCTION measures_version_immutable();

CREATE FUNCTION measures_section_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  affected uuid[] := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[NEW.version_id]
    WHEN 'DELETE' THEN ARRAY[OLD.version_id]
    ELSE ARRAY[OLD.version_id, NEW.version_id] END;
BEGIN
  IF EXISTS (SELECT 1 FROM "measures_versions" WHERE id = ANY (affected) AND status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'sections of a published measures version are immutable'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER measures_section_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON "measures_sections"
  FOR EACH ROW EXECUTE FUNCTION measures_section_immutable();
