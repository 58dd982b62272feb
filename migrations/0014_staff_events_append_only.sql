-- A member of staff's record (issue 12: workforce profile, supervision contracts, sessions,
-- signatures, amendments, observations and audits) is never changed or removed: the database
-- refuses it, as it does for the children's events (0002_append_only.sql).
CREATE TRIGGER staff_events_append_only BEFORE UPDATE OR DELETE ON staff_events
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER staff_events_no_truncate BEFORE TRUNCATE ON staff_events
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON staff_events FROM PUBLIC;
