-- Hand-written: row-level security and invariants of the SSO domains.

ALTER TABLE "sso_domains" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sso_domains" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "sso_domains"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- VERIFIED exactly when verified_domain (the column whose unique index lets one tenant at most hold
-- a domain verified) and verified_at are set, and verified_domain is the row's own domain; tokens
-- are 32 lower-case hex digits. A trigger, not a CHECK constraint (see checks_as_triggers).
CREATE FUNCTION sso_domain_consistent() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF (NEW.status = 'VERIFIED') IS DISTINCT FROM (NEW.verified_domain IS NOT NULL AND NEW.verified_at IS NOT NULL)
     OR (NEW.verified_domain IS NOT NULL AND NEW.verified_domain <> NEW.domain)
     OR NEW.verification_token !~ '^[0-9a-f]{32}$' THEN
    RAISE EXCEPTION 'sso_domain_consistent: a verified SSO domain has verified_domain = domain and verified_at, an unverified one neither; tokens are 32 hex digits'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'sso_domain_consistent';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER sso_domain_consistent
  BEFORE INSERT OR UPDATE ON "sso_domains"
  FOR EACH ROW EXECUTE FUNCTION sso_domain_consistent();

-- Adding a domain another tenant has verified is refused; the tenant asking learns that much and
-- nothing else (not which tenant). The function runs as its owner, the migration's role: a policy
-- for exactly that role lets it read across tenants even where the owner is no superuser (FORCE'd
-- row-level security applies to table owners too); app_user gets no such policy.
CREATE FUNCTION sso_domain_verified_elsewhere(p_domain text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM sso_domains
      WHERE verified_domain = p_domain AND tenant_id IS DISTINCT FROM app_current_tenant()
    )
  $$;
REVOKE ALL ON FUNCTION sso_domain_verified_elsewhere(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sso_domain_verified_elsewhere(text) TO app_user;
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_lookup ON "sso_domains" FOR SELECT TO %I USING (true)', current_user);
END
$$;
