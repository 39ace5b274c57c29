-- Hand-written. The first policies let a user context (app.user_id) write its own membership and
-- customer rows, so a user could have granted themselves a role in any tenant. Reading one's own
-- rows across tenants stays; writing needs the tenant's context, where the guard has checked the
-- actor's permission.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['memberships', 'customers'] LOOP
    EXECUTE format('DROP POLICY tenant_isolation ON %I', t);
    EXECUTE format(
      'CREATE POLICY tenant_or_own_read ON %I FOR SELECT USING (tenant_id = app_current_tenant() OR user_id = app_current_user())',
      t
    );
    EXECUTE format(
      'CREATE POLICY tenant_write ON %I FOR INSERT WITH CHECK (tenant_id = app_current_tenant())',
      t
    );
    EXECUTE format(
      'CREATE POLICY tenant_update ON %I FOR UPDATE USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t
    );
    EXECUTE format('CREATE POLICY tenant_delete ON %I FOR DELETE USING (tenant_id = app_current_tenant())', t);
  END LOOP;
END
$$;
