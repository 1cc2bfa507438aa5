CREATE TYPE "public"."stat_dimension" AS ENUM('total', 'page', 'section', 'referrer', 'event');--> statement-breakpoint
CREATE TABLE "stat_daily" (
	"day" date NOT NULL,
	"dimension" "stat_dimension" NOT NULL,
	"key" text NOT NULL,
	"visitors" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stat_daily_day_dimension_key_pk" PRIMARY KEY("day","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "stat_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"path" text,
	"referrer_host" text,
	"visitor_hash" text,
	CONSTRAINT "stat_events_name_length" CHECK (char_length("stat_events"."name") between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "stat_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stat_daily_dimension_day_idx" ON "stat_daily" USING btree ("dimension","day");--> statement-breakpoint
CREATE INDEX "stat_events_day_idx" ON "stat_events" USING btree ("day","name");--> statement-breakpoint
CREATE INDEX "stat_events_occurred_at_idx" ON "stat_events" USING btree ("occurred_at");