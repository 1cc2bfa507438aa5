CREATE TYPE "public"."consent_channel" AS ENUM('banner', 'cookie_settings', 'sign_up', 'account', 'unsubscribe_link');--> statement-breakpoint
CREATE TYPE "public"."consent_purpose" AS ENUM('statistics', 'newsletter', 'chat');--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"browser_id" text,
	"purpose" "consent_purpose" NOT NULL,
	"granted" boolean NOT NULL,
	"text_version" text NOT NULL,
	"channel" "consent_channel" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_records_subject" CHECK ("consent_records"."user_id" is not null or "consent_records"."browser_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "privacy_policy_acknowledgements" (
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_policy_acknowledgements_user_id_version_pk" PRIMARY KEY("user_id","version")
);
--> statement-breakpoint
CREATE TABLE "privacy_policy_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text NOT NULL,
	"body_nl" text NOT NULL,
	"body_en" text NOT NULL,
	"changes_nl" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes_en" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_policy_versions_positive" CHECK ("privacy_policy_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "privacy_retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"rule" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"rows" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_policy_acknowledgements" ADD CONSTRAINT "privacy_policy_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_policy_acknowledgements" ADD CONSTRAINT "privacy_policy_acknowledgements_version_privacy_policy_versions_version_fk" FOREIGN KEY ("version") REFERENCES "public"."privacy_policy_versions"("version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_policy_versions" ADD CONSTRAINT "privacy_policy_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" USING btree ("user_id","purpose","created_at");--> statement-breakpoint
CREATE INDEX "consent_records_browser_idx" ON "consent_records" USING btree ("browser_id","purpose","created_at");--> statement-breakpoint
CREATE INDEX "privacy_retention_runs_started_idx" ON "privacy_retention_runs" USING btree ("started_at");