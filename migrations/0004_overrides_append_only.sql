-- An authority's changes to the standards are kept, never changed or removed: the history of
-- which timescale was in force when is part of the record of compliance (issue 3, Versions).
CREATE TRIGGER rule_overrides_append_only BEFORE UPDATE OR DELETE ON rule_overrides
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER rule_overrides_no_truncate BEFORE TRUNCATE ON rule_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
