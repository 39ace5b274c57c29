-- Hand-written: a tenant's audit log also shows the platform events (sign-in, MFA) of the tenant's
-- staff, from the day they joined: privileged access is logged per person, and the tenant's admins
-- are the ones who review it. Other users' platform events, and anything before a member joined,
-- stay invisible to the tenant. Permissive policies are OR'ed with audit_read.
CREATE POLICY audit_read_staff_platform ON "audit_events" FOR SELECT
  USING (
    tenant_id IS NULL
    AND EXISTS (
      SELECT 1 FROM memberships m
      WHERE m.tenant_id = app_current_tenant() AND m.user_id = audit_events.actor_id AND m.created_at <= audit_events.created_at
    )
  );
