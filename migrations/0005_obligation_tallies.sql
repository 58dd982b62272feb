CREATE TABLE "obligation_tallies" (
	"rule_id" text NOT NULL,
	"team_id" uuid,
	"month" date NOT NULL,
	"outcome" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "obligation_tallies_month" ON "obligation_tallies" USING btree ("month");--> statement-breakpoint
-- Written by hand: INCLUDE lets the compliance figures count obligations from the index alone (an
-- index-only scan), without visiting the table's pages.
DROP INDEX "obligations_open_deadline";--> statement-breakpoint
CREATE INDEX "obligations_open_deadline" ON "obligations" USING btree ("deadline") INCLUDE ("rule_id", "person_id") WHERE outcome = 'open';
--> statement-breakpoint
DROP INDEX "obligations_rule_deadline";--> statement-breakpoint
CREATE INDEX "obligations_rule_deadline" ON "obligations" USING btree ("rule_id", "deadline") INCLUDE ("outcome", "person_id");
