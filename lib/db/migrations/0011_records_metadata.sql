CREATE TABLE "record_thumbnails" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text,
	"data" "bytea",
	"width" integer,
	"height" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "records_patient_idx";--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "category" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "document_date" date;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "sort_date" date GENERATED ALWAYS AS (coalesce(document_date, (created_at at time zone 'UTC')::date)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "record_thumbnails" ADD CONSTRAINT "record_thumbnails_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "records_patient_sort_idx" ON "records" USING btree ("patient_id","sort_date" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "records_search_trgm_idx" ON "records" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Records uploaded before this migration: the same folding as lib/records/search-text.ts, in SQL.
UPDATE "records" SET "search_text" = lower(regexp_replace(normalize("title", NFKD), '[\u0300-\u036F\u064B-\u065F\u0670\u0640]', '', 'g')) || E'\n' || lower(regexp_replace(normalize("filename", NFKD), '[\u0300-\u036F\u064B-\u065F\u0670\u0640]', '', 'g'));
