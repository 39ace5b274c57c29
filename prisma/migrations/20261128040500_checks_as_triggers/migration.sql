-- Hand-written. Prisma 6.19's WASM schema engine panics ("unreachable") when it introspects a
-- database with any CHECK constraint, which breaks `npm run db:migration:create` (it replays the
-- migrations into a shadow database and introspects it). The same rules as triggers, which the
-- engine does not look at; behaviour and error class (check_violation) are unchanged.
ALTER TABLE "measures_versions" DROP CONSTRAINT "published_version_is_dated";
ALTER TABLE "users" DROP CONSTRAINT "users_email_lower_case";
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_have_a_role";
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_have_a_role";

CREATE FUNCTION published_version_is_dated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.status = 'PUBLISHED' AND (NEW.published_at IS NULL OR NEW.effective_at IS NULL) THEN
    RAISE EXCEPTION 'published_version_is_dated: a published measures version needs published_at and effective_at'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'published_version_is_dated';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER published_version_is_dated
  BEFORE INSERT OR UPDATE ON "measures_versions"
  FOR EACH ROW EXECUTE FUNCTION published_version_is_dated();

CREATE FUNCTION users_email_lower_case() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NEW.email <> lower(NEW.email) THEN
    RAISE EXCEPTION 'users_email_lower_case: users.email must be lower-case'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'users_email_lower_case';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_email_lower_case
  BEFORE INSERT OR UPDATE OF email ON "users"
  FOR EACH ROW EXECUTE FUNCTION users_email_lower_case();

CREATE FUNCTION roles_not_empty() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF cardinality(NEW.roles) = 0 THEN
    RAISE EXCEPTION '%_have_a_role: %.roles must name at least one role', TG_TABLE_NAME, TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_have_a_role';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER memberships_have_a_role
  BEFORE INSERT OR UPDATE OF roles ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION roles_not_empty();
CREATE TRIGGER invitations_have_a_role
  BEFORE INSERT OR UPDATE OF roles ON "invitations"
  FOR EACH ROW EXECUTE FUNCTION roles_not_empty();
