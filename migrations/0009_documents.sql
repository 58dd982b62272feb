CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"attached_to" text NOT NULL,
	"attached_to_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"description" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "documents_attached" ON "documents" USING btree ("attached_to","attached_to_id");