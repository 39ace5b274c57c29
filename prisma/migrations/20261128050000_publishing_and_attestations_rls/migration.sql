-- Hand-written: row-level security, immutability and append-only rules for publishing (issue 4)
-- and attestations (issue 5).

-- The delivery worker reads the outbox and its delivery logs across tenants. It says so
-- explicitly (withWorker sets app.worker); everything it then touches of one tenant runs in that
-- tenant's context.
CREATE FUNCTION app_is_worker() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('app.worker', true), '') = 'on' $$;

-- /verify/{code} looks up exactly one letter by its code, outside any tenant context.
CREATE FUNCTION app_verify_code() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.verify_code', true), '') $$;

-- Plain tenant isolation.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measures_version_events', 'measures_version_authors', 'webhook_endpoints', 'nda_versions', 'certificate_files'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t
    );
  END LOOP;
END
$$;

-- Subscriptions: the tenant; the worker (fan-out); a signed-in user reads their own address's rows
-- (/account), writes stay in the tenant's context.
CREATE FUNCTION app_current_user_email() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT email FROM users WHERE id = app_current_user() $$;

ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "subscriptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_or_worker ON "subscriptions"
  USING (tenant_id = app_current_tenant() OR app_is_worker())
  WITH CHECK (tenant_id = app_current_tenant() OR app_is_worker());
CREATE POLICY own_read ON "subscriptions" FOR SELECT USING (email = app_current_user_email());

-- Outbox and delivery logs: written in the tenant's transaction; read and updated by the worker;
-- tenant staff read their own delivery logs.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['outbox_messages', 'email_deliveries', 'webhook_deliveries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_or_worker ON %I USING (tenant_id = app_current_tenant() OR app_is_worker()) '
      'WITH CHECK (tenant_id = app_current_tenant() OR app_is_worker())',
      t
    );
  END LOOP;
END
$$;
-- Platform mail (no tenant, e.g. a sign-in link sent through the outbox) is the worker's alone.

-- Attestation data: the tenant's staff in the tenant's context; the requesting customer reads
-- their own requests across tenants (/account). Writes only in the tenant's context.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['attestation_requests', 'nda_acceptances'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_or_own_read ON %I FOR SELECT USING (tenant_id = app_current_tenant() OR user_id = app_current_user())', t);
    EXECUTE format('CREATE POLICY tenant_write ON %I FOR INSERT WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY tenant_update ON %I FOR UPDATE USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY tenant_delete ON %I FOR DELETE USING (tenant_id = app_current_tenant())', t);
  END LOOP;
END
$$;

CREATE FUNCTION app_owns_request(request uuid) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM attestation_requests r WHERE r.id = request AND r.user_id = app_current_user()) $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['attestation_events', 'attestation_request_certifications', 'attestation_letters'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_write ON %I FOR INSERT WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY tenant_update ON %I FOR UPDATE USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())', t);
    EXECUTE format('CREATE POLICY tenant_delete ON %I FOR DELETE USING (tenant_id = app_current_tenant())', t);
  END LOOP;
END
$$;
CREATE POLICY tenant_or_own_read ON "attestation_events" FOR SELECT
  USING (tenant_id = app_current_tenant() OR app_owns_request(request_id));
CREATE POLICY tenant_or_own_read ON "attestation_request_certifications" FOR SELECT
  USING (tenant_id = app_current_tenant() OR app_owns_request(request_id));
CREATE POLICY tenant_own_or_code_read ON "attestation_letters" FOR SELECT
  USING (tenant_id = app_current_tenant() OR app_owns_request(request_id) OR code = app_verify_code());

-- Timelines are append-only for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON "attestation_events", "measures_version_events" FROM app_user;

-- An NDA version is locked by its first acceptance; a locked version never changes again, and
-- an acceptance must record the hash of the text it accepted.
CREATE FUNCTION nda_version_locked() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL THEN
    RAISE EXCEPTION 'NDA version % is locked: it has been accepted', OLD.number
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER nda_version_locked
  BEFORE UPDATE OR DELETE ON "nda_versions"
  FOR EACH ROW EXECUTE FUNCTION nda_version_locked();

CREATE FUNCTION nda_acceptance_locks_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  expected text;
BEGIN
  SELECT sha256 INTO expected FROM nda_versions WHERE id = NEW.nda_version_id;
  IF expected IS DISTINCT FROM NEW.nda_sha256 THEN
    RAISE EXCEPTION 'nda_acceptance_hash: the accepted text''s hash does not match the NDA version'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'nda_acceptance_hash';
  END IF;
  UPDATE nda_versions SET locked_at = now() WHERE id = NEW.nda_version_id AND locked_at IS NULL;
  RETURN NEW;
END
$$;
CREATE TRIGGER nda_acceptance_locks_version
  BEFORE INSERT ON "nda_acceptances"
  FOR EACH ROW EXECUTE FUNCTION nda_acceptance_locks_version();

-- Acceptances are evidence: never changed or deleted by the app.
REVOKE UPDATE, DELETE, TRUNCATE ON "nda_acceptances" FROM app_user;

-- An issued letter never changes, except that it is revoked once (time and reason).
CREATE FUNCTION attestation_letter_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'attestation letters are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.revoked_at IS NOT NULL
     OR NEW.revoked_at IS NULL
     OR NEW.revoked_reason IS NULL
     OR (to_jsonb(NEW) - 'revoked_at' - 'revoked_reason') <> (to_jsonb(OLD) - 'revoked_at' - 'revoked_reason') THEN
    RAISE EXCEPTION 'an issued attestation letter is immutable (only a single revocation is recorded)'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER attestation_letter_immutable
  BEFORE UPDATE OR DELETE ON "attestation_letters"
  FOR EACH ROW EXECUTE FUNCTION attestation_letter_immutable();

-- Subscription topics and emails stay well-formed (triggers, not CHECKs: see checks_as_triggers).
CREATE FUNCTION subscription_well_formed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.email <> lower(NEW.email) THEN
    RAISE EXCEPTION 'subscriptions_email_lower_case' USING ERRCODE = 'check_violation', CONSTRAINT = 'subscriptions_email_lower_case';
  END IF;
  IF cardinality(NEW.topics) = 0 OR NOT (NEW.topics <@ ARRAY['measures', 'certifications', 'incidents']) THEN
    RAISE EXCEPTION 'subscriptions_topics' USING ERRCODE = 'check_violation', CONSTRAINT = 'subscriptions_topics';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER subscription_well_formed
  BEFORE INSERT OR UPDATE ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION subscription_well_formed();
