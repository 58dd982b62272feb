CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"rule_version" integer NOT NULL,
	"start_event_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_date" date,
	"deadline" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_event_id" uuid,
	"closed_at" timestamp with time zone,
	"late_reason" text,
	"responsible" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" text NOT NULL,
	"effective_from" date NOT NULL,
	"enabled" boolean NOT NULL,
	"amount" integer,
	"unit" text,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "specialism" text;--> statement-breakpoint
CREATE INDEX "obligations_person" ON "obligations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "obligations_rule_deadline" ON "obligations" USING btree ("rule_id","deadline");--> statement-breakpoint
CREATE INDEX "obligations_open_deadline" ON "obligations" USING btree ("deadline") WHERE outcome = 'open';--> statement-breakpoint
CREATE INDEX "rule_overrides_rule" ON "rule_overrides" USING btree ("rule_id","effective_from");