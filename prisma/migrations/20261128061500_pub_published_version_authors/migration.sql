-- Hand-written: the authors of a published version are part of its record (the four-eyes evidence:
-- who wrote it, so that it shows the approver was someone else). Like the version and its sections,
-- they never change once it is published, whoever asks.
CREATE FUNCTION measures_version_author_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  affected uuid[] := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[NEW.version_id]
    WHEN 'DELETE' THEN ARRAY[OLD.version_id]
    ELSE ARRAY[OLD.version_id, NEW.version_id] END;
BEGIN
  IF EXISTS (SELECT 1 FROM "measures_versions" WHERE id = ANY (affected) AND status = 'PUBLISHED') THEN
    RAISE EXCEPTION 'the authors of a published measures version are immutable'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER measures_version_author_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON "measures_version_authors"
  FOR EACH ROW EXECUTE FUNCTION measures_version_author_immutable();
