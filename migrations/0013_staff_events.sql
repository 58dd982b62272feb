CREATE TABLE "staff_events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"data" jsonb NOT NULL,
	"reason" text,
	"refers_to" uuid,
	CONSTRAINT "staff_events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE INDEX "staff_events_user_seq" ON "staff_events" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "staff_events_type_occurred" ON "staff_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "staff_events_refers_to" ON "staff_events" USING btree ("refers_to");