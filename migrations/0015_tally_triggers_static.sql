-- The compliance tallies' triggers (0006) written as static SQL: plpgsql keeps a static
-- statement's plan, where EXECUTE plans it again on every statement. Recording one visit writes
-- one or two obligations and touches the child's people row, and planning these statements each
-- time was a good part of recording it (issue 3's aim: one event under 10 ms). Same counts.
-- A static statement's plan is made once, for however many rows the first statement wrote, so
-- each obligation's team is looked up by the people row's key (a subquery per row), never by a
-- join whose plan was chosen for a different size.
CREATE FUNCTION hearth_tally_obligations_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hearth.recounting', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
    SELECT rule_id, team_id, month, outcome, count(*)
    FROM (SELECT o.rule_id, (SELECT p.allocated_team_id FROM people p WHERE p.id = o.person_id) AS team_id,
      hearth_obligation_month(o.deadline) AS month, o.outcome FROM added o WHERE o.outcome IN ('met', 'met_late', 'missed')) closed
    GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION hearth_tally_obligations_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hearth.recounting', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
    SELECT rule_id, team_id, month, outcome, -count(*)
    FROM (SELECT o.rule_id, (SELECT p.allocated_team_id FROM people p WHERE p.id = o.person_id) AS team_id,
      hearth_obligation_month(o.deadline) AS month, o.outcome FROM removed o WHERE o.outcome IN ('met', 'met_late', 'missed')) closed
    GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER obligations_tally_insert ON obligations;
--> statement-breakpoint
DROP TRIGGER obligations_tally_delete ON obligations;
--> statement-breakpoint
CREATE TRIGGER obligations_tally_insert AFTER INSERT ON obligations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations_added();
--> statement-breakpoint
CREATE TRIGGER obligations_tally_delete AFTER DELETE ON obligations
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_obligations_removed();
--> statement-breakpoint
-- Nearly every update of a person's row is a new event counted on it, not a change of team: a
-- static check finds that and stops before the (EXECUTEd) move of their counts.
CREATE FUNCTION hearth_tally_people_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM before_rows b JOIN after_rows a ON a.id = b.id WHERE b.allocated_team_id IS DISTINCT FROM a.allocated_team_id) THEN
    RETURN NULL;
  END IF;
  EXECUTE $q$INSERT INTO obligation_tallies (rule_id, team_id, month, outcome, n)
    SELECT o.rule_id, side.team_id, hearth_obligation_month(o.deadline), o.outcome, side.sign * count(*)
    FROM (SELECT b.id, b.allocated_team_id AS old_team, a.allocated_team_id AS new_team FROM before_rows b JOIN after_rows a ON a.id = b.id) moved
    CROSS JOIN LATERAL (VALUES (moved.old_team, -1), (moved.new_team, 1)) AS side(team_id, sign)
    JOIN obligations o ON o.person_id = moved.id AND o.outcome IN ('met', 'met_late', 'missed')
    WHERE moved.old_team IS DISTINCT FROM moved.new_team
    GROUP BY o.rule_id, side.team_id, hearth_obligation_month(o.deadline), o.outcome, side.sign$q$;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER people_tally_team_moves ON people;
--> statement-breakpoint
CREATE TRIGGER people_tally_team_moves AFTER UPDATE ON people
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION hearth_tally_people_updated();
