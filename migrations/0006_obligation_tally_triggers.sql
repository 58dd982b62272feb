-- The compliance tallies (obligation_tallies) follow every write to obligations and every change
-- of a person's allocated team, as rows of +n and -n: only ever inserted, so concurrent writers
-- never wait on one another's rows. Statement triggers with transition tables: one aggregate
-- per statement, however many obligations it wrote. A full recompute (recomputeAll) says so with
-- the setting hearth.recounting and counts the tallies afresh once at its end instead.
CREATE FUNCTION hearth_obligation_month(deadline timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', deadline AT TIME ZONE 'Europe/London')::date $$;
--> statement-breakpoint
-- Rows removed count -1 each and rows added +1 (an UPDATE does both), from the transition table of
-- that name; EXECUTE so that one statement serves both, and only the tables this trigger has.
CREATE FUNCTION hearth_tally_obligations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  part record;
BEGIN
  IF current_setting('hearth.recounting', true) = 'on' THEN RETURN NULL; END IF;
  FOR part IN SELECT * FROM (VALUES ('removed', -1, TG_OP IN ('DELETE', 'UPDATE')), ('added', 1, TG_OP IN ('INSERT', 'UPDATE'))) AS v(rows_of, sign, applies) WHERE applies LOOP
    EXECUTE format($q$INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
      SELECT o.rule_id, p.allocated_team_id, hearth_obligation_month(o.deadline), o.outcome, %s * count(*)
      FROM %I o LEFT JOIN people p ON p.id = o.person_id
      WHERE o.outcome IN ('met', 'met_late', 'missed')
      GROUP BY 1, 2, 3, 4$q$, part.sign, part.rows_of);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION hearth_tally_obligations_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM obligation_tallies;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person moved to another team takes their closed obligations' counts with them. A person's row
-- removed and written again (rebuilding the projections) moves them to no team and back.
CREATE FUNCTION hearth_tally_team_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
    SELECT o.rule_id, side.team_id, hearth_obligation_month(o.deadline), o.outcome, side.sign * count(*)
    FROM (%s) moved
    CROSS JOIN LATERAL (VALUES (moved.old_team, -1), (moved.new_team, 1)) AS side(team_id, sign)
    JOIN obligations o ON o.person_id = moved.id AND o.outcome IN ('met', 'met_late', 'missed')
    WHERE moved.old_team IS DISTINCT FROM moved.new_team
    GROUP BY o.rule_id, side.team_id, hearth_obligation_month(o.deadline), o.outcome, side.sign$q$,
    CASE TG_OP
      WHEN 'UPDATE' THEN 'SELECT b.id, b.allocated_team_id AS old_team, a.allocated_team_id AS new_team FROM before_rows b JOIN after_rows a ON a.id = b.id'
      WHEN 'DELETE' THEN 'SELECT id, allocated_team_id AS old_team, NULL::uuid AS new_team FROM before_rows'
      ELSE 'SELECT id, NULL::uuid AS old_team, allocated_team_id AS new_team FROM after_rows'
    END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER obligations_tally_insert AFTER INSERT ON obligations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations();
--> statement-breakpoint
CREATE TRIGGER obligations_tally_delete AFTER DELETE ON obligations
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations();
--> statement-breakpoint
CREATE TRIGGER obligations_tally_update AFTER UPDATE ON obligations
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations();
--> statement-breakpoint
CREATE TRIGGER obligations_tally_truncate AFTER TRUNCATE ON obligations
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations_emptied();
--> statement-breakpoint
CREATE TRIGGER people_tally_team_moves AFTER UPDATE ON people
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_team_moves();
--> statement-breakpoint
CREATE TRIGGER people_tally_team_leaves AFTER DELETE ON people
  REFERENCING OLD TABLE AS before_rows FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_team_moves();
--> statement-breakpoint
CREATE TRIGGER people_tally_team_joins AFTER INSERT ON people
  REFERENCING NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_team_moves();
--> statement-breakpoint
-- The obligations already stored (a database made before this migration).
INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
  SELECT o.rule_id, p.allocated_team_id, hearth_obligation_month(o.deadline), o.outcome, count(*)
  FROM obligations o LEFT JOIN people p ON p.id = o.person_id
  WHERE o.outcome IN ('met', 'met_late', 'missed')
  GROUP BY 1, 2, 3, 4;
