-- An attached document is never lost (issue 4): the database refuses to change or remove one,
-- as it does for the events and the audit log (0002_append_only.sql).
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON documents FROM PUBLIC;
