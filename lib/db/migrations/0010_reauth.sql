ALTER TABLE "sessions" ADD COLUMN "reauth_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "reauth_level" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "mfa_challenges" ADD COLUMN "token_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Sessions that existed before this column count as proven at their sign-in, not at the upgrade.
UPDATE "sessions" SET "reauth_at" = "created_at";
