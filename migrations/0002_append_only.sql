-- The record and the audit log are append-only (DESIGN.md, Records and data protection).
-- The database itself refuses UPDATE, DELETE and TRUNCATE on them, for every role the
-- application connects as, on PGlite and PostgreSQL alike. Corrections are new events.
CREATE OR REPLACE FUNCTION hearth_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON events, audit_log FROM PUBLIC;
