CREATE TABLE "obligation_digests" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"digest" text NOT NULL
);
--> statement-breakpoint
-- A person's stored digest says "these rows are as the full recompute last saw them". Any
-- change to their rows, by Hearth or by hand, removes it in the same statement, so the next full
-- recompute compares that person row by row (obligationWrites.ts, reconcileByDigest). Static SQL,
-- planned once per connection, like the tallies' triggers (0015); the people are looked up by key
-- (= ANY of an array) whatever the size of the statement that first fired it, never by a join
-- planned for another size.
CREATE FUNCTION hearth_obligation_digests_forget_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM obligation_digests WHERE person_id = ANY (ARRAY(SELECT DISTINCT o.person_id FROM added o));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION hearth_obligation_digests_forget_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM obligation_digests WHERE person_id = ANY (ARRAY(SELECT DISTINCT o.person_id FROM removed o));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION hearth_obligation_digests_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE obligation_digests;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER obligations_digest_insert AFTER INSERT ON obligations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_obligation_digests_forget_added();
--> statement-breakpoint
CREATE TRIGGER obligations_digest_delete AFTER DELETE ON obligations
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_obligation_digests_forget_removed();
--> statement-breakpoint
-- Hearth never updates an obligation (it deletes and inserts): an update is a change by hand,
-- and both the old and the new person lose their digest.
CREATE TRIGGER obligations_digest_update_old AFTER UPDATE ON obligations
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION hearth_obligation_digests_forget_removed();
--> statement-breakpoint
CREATE TRIGGER obligations_digest_update_new AFTER UPDATE ON obligations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION hearth_obligation_digests_forget_added();
--> statement-breakpoint
CREATE TRIGGER obligations_digest_truncate AFTER TRUNCATE ON obligations
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_obligation_digests_forget_all();
