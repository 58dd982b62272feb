CREATE TABLE "resource_duty_rota" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resource_duty_rota_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"on_date" date NOT NULL,
	"officer_id" uuid NOT NULL,
	"officer_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_districts" (
	"outcode" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provider_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "provider_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "resource_duty_rota_date" ON "resource_duty_rota" USING btree ("on_date","seq");--> statement-breakpoint
CREATE INDEX "provider_events_provider_seq" ON "provider_events" USING btree ("provider_id","seq");--> statement-breakpoint
-- A provider's record and the duty rota are kept like a child's record: never changed or removed (0002_append_only.sql).
CREATE TRIGGER provider_events_append_only BEFORE UPDATE OR DELETE ON provider_events
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provider_events_no_truncate BEFORE TRUNCATE ON provider_events
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER resource_duty_rota_append_only BEFORE UPDATE OR DELETE ON resource_duty_rota
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_change();
--> statement-breakpoint
CREATE TRIGGER resource_duty_rota_no_truncate BEFORE TRUNCATE ON resource_duty_rota
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_refuse_change();
