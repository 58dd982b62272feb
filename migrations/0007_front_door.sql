CREATE TABLE "draft_versions" (
	"draft_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"data" jsonb NOT NULL,
	"result" text,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_versions_draft_id_version_pk" PRIMARY KEY("draft_id","version")
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_children" (
	"contact_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	CONSTRAINT "contact_children_contact_id_person_id_pk" PRIMARY KEY("contact_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_name" text,
	"source" text NOT NULL,
	"referrer" jsonb NOT NULL,
	"concerns" text NOT NULL,
	"adults" jsonb NOT NULL,
	"home_authority" text,
	"recommendation" text,
	"recommendation_rationale" text,
	"recommended_at" timestamp with time zone,
	"recommended_by_name" text,
	"decision" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_name" text,
	"handed_over_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mash_enquiries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"grade" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_name" text,
	"consent" text NOT NULL,
	"override_rationale" text,
	"replied_at" timestamp with time zone,
	"reply" text
);
--> statement-breakpoint
CREATE INDEX "drafts_owner" ON "drafts" USING btree ("owner_id","kind");--> statement-breakpoint
CREATE INDEX "contact_children_person" ON "contact_children" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contacts_received" ON "contacts" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "contacts_awaiting" ON "contacts" USING btree ("received_at") WHERE decision is null;--> statement-breakpoint
CREATE INDEX "mash_enquiries_contact" ON "mash_enquiries" USING btree ("contact_id");