-- Drafts are never lost (issue 4): each save is a new version, and the database refuses to
-- change or remove one, as it does for the events and the audit log (0002_append_only.sql).
CREATE TRIGGER drafts_append_only BEFORE UPDATE OR DELETE ON drafts
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER drafts_no_truncate BEFORE TRUNCATE ON drafts
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER draft_versions_append_only BEFORE UPDATE OR DELETE ON draft_versions
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER draft_versions_no_truncate BEFORE TRUNCATE ON draft_versions
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON drafts, draft_versions FROM PUBLIC;
