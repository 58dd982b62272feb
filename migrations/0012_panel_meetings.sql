CREATE TABLE "panel_meeting_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "panel_meeting_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "panel_meeting_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "panel_meeting_events_meeting" ON "panel_meeting_events" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "panel_meeting_events_date" ON "panel_meeting_events" USING btree ("meeting_date");--> statement-breakpoint
-- A panel meeting's record is kept like a child's: never changed or removed (0002_append_only.sql).
CREATE TRIGGER panel_meeting_events_append_only BEFORE UPDATE OR DELETE ON panel_meeting_events
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER panel_meeting_events_no_truncate BEFORE TRUNCATE ON panel_meeting_events
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
