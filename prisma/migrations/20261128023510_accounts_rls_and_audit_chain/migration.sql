-- Hand-written: isolation of the account tables, and the append-only, hash-chained audit log.

ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_case" CHECK (email = lower(email));
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_have_a_role" CHECK (cardinality(roles) > 0);
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_have_a_role" CHECK (cardinality(roles) > 0);

-- The signed-in user of the current transaction (set by withUser); NULL outside a user context.
CREATE FUNCTION app_current_user() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

-- Tenant-owned: visible in that tenant's context; a user also sees their own memberships and
-- customer records across tenants (the account page, "which consoles may I open").
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships', 'customers'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant() OR user_id = app_current_user()) '
      'WITH CHECK (tenant_id = app_current_tenant() OR user_id = app_current_user())',
      t
    );
  END LOOP;
END
$$;

ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "invitations"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- An invitee follows a link before any tenant context exists: this reveals only which tenant a
-- (hashed, unguessable) token belongs to, nothing else.
CREATE FUNCTION invitation_tenant(p_token_hash text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash $$;
REVOKE ALL ON FUNCTION invitation_tenant(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_tenant(text) TO app_user;

-- Audit log ------------------------------------------------------------------------------------
-- The app role may append and read (its own tenant's rows); nobody but the owner may change them,
-- and audit:verify finds it when the owner does.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM app_user;
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON "audit_events" FOR SELECT USING (tenant_id = app_current_tenant());
CREATE POLICY audit_append ON "audit_events" FOR INSERT
  WITH CHECK (tenant_id IS NULL OR tenant_id = app_current_tenant());

-- The newest link of each chain; detects a deleted last row. Invisible to the app role.
CREATE TABLE "audit_chain_heads" (
  chain text PRIMARY KEY,
  seq integer NOT NULL,
  hash text NOT NULL
);
REVOKE ALL ON "audit_chain_heads" FROM app_user;
ALTER TABLE "audit_chain_heads" ENABLE ROW LEVEL SECURITY;

-- What the hash covers: every column but id and the hashes, in a canonical text form.
CREATE FUNCTION audit_event_payload(e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT jsonb_build_array(
      e.chain, e.seq, e.tenant_id, e.actor_id, e.actor_email, e.actor_roles, e.action, e.target_type,
      e.target_id, e.ip, e.user_agent, e.request_id, e.data,
      to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text
  $$;

CREATE FUNCTION audit_event_hash(prev_hash text, e audit_events) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT encode(sha256(convert_to(prev_hash || audit_event_payload(e), 'UTF8')), 'hex') $$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  head audit_chain_heads%ROWTYPE;
BEGIN
  NEW.chain := COALESCE(NEW.tenant_id::text, 'platform');
  -- One writer per chain at a time; held until the inserting transaction ends.
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.chain, 0));
  SELECT * INTO head FROM audit_chain_heads WHERE chain = NEW.chain;
  NEW.seq := COALESCE(head.seq, 0) + 1;
  NEW.prev_hash := COALESCE(head.hash, '');
  NEW.created_at := date_trunc('milliseconds', clock_timestamp());
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (NEW.chain, NEW.seq, NEW.hash)
    ON CONFLICT (chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_chain
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
