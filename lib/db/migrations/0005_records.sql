CREATE TABLE "record_blobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"sha256" text,
	"chunk_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_chunks" (
	"blob_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "record_chunks_blob_id_seq_pk" PRIMARY KEY("blob_id","seq")
);
--> statement-breakpoint
CREATE TABLE "record_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"doctor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"blob_id" uuid NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_blob_id_unique" UNIQUE("blob_id")
);
--> statement-breakpoint
ALTER TABLE "record_blobs" ADD CONSTRAINT "record_blobs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_chunks" ADD CONSTRAINT "record_chunks_blob_id_record_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."record_blobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_grants" ADD CONSTRAINT "record_grants_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_grants" ADD CONSTRAINT "record_grants_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_blob_id_record_blobs_id_fk" FOREIGN KEY ("blob_id") REFERENCES "public"."record_blobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_blobs_owner_idx" ON "record_blobs" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "record_blobs_pending_idx" ON "record_blobs" USING btree ("created_at") WHERE "record_blobs"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "record_grants_live_uq" ON "record_grants" USING btree ("patient_id","doctor_id") WHERE "record_grants"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "record_grants_patient_idx" ON "record_grants" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "record_grants_doctor_idx" ON "record_grants" USING btree ("doctor_id");--> statement-breakpoint
CREATE INDEX "records_patient_idx" ON "records" USING btree ("patient_id","created_at");