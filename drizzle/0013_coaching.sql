CREATE TYPE "public"."coach_location_kind" AS ENUM('video', 'phone', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."coaching_booking_status" AS ENUM('booked', 'canceled', 'held', 'member_no_show', 'coach_no_show');--> statement-breakpoint
CREATE TYPE "public"."coaching_cancel_reason" AS ENUM('member', 'member_late', 'coach', 'admin', 'credit_taken_back');--> statement-breakpoint
ALTER TYPE "public"."coaching_credit_reason" ADD VALUE 'expired';--> statement-breakpoint
CREATE TABLE "coach_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"bio_nl" text DEFAULT '' NOT NULL,
	"bio_en" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"photo_key" text,
	"location_kind" "coach_location_kind" DEFAULT 'video' NOT NULL,
	"location_detail" text DEFAULT '' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 1440 NOT NULL,
	"horizon_days" integer DEFAULT 60 NOT NULL,
	"max_sessions_per_day" integer,
	"max_upcoming_per_member" integer,
	"max_reschedules" integer DEFAULT 2 NOT NULL,
	"cancel_window_hours" integer DEFAULT 24 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_profiles_buffers" CHECK ("coach_profiles"."buffer_before_minutes" between 0 and 240 and "coach_profiles"."buffer_after_minutes" between 0 and 240),
	CONSTRAINT "coach_profiles_notice" CHECK ("coach_profiles"."minimum_notice_minutes" between 0 and 43200),
	CONSTRAINT "coach_profiles_horizon" CHECK ("coach_profiles"."horizon_days" between 1 and 365),
	CONSTRAINT "coach_profiles_limits" CHECK (coalesce("coach_profiles"."max_sessions_per_day", 1) >= 1 and coalesce("coach_profiles"."max_upcoming_per_member", 1) >= 1 and "coach_profiles"."max_reschedules" between 0 and 10),
	CONSTRAINT "coach_profiles_cancel_window" CHECK ("coach_profiles"."cancel_window_hours" between 0 and 720)
);
--> statement-breakpoint
CREATE TABLE "coaching_availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	CONSTRAINT "coaching_availability_weekday" CHECK ("coaching_availability"."weekday" between 1 and 7),
	CONSTRAINT "coaching_availability_range" CHECK ("coaching_availability"."start_minute" >= 0 and "coaching_availability"."end_minute" <= 1440 and "coaching_availability"."start_minute" < "coaching_availability"."end_minute")
);
--> statement-breakpoint
CREATE TABLE "coaching_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "coaching_booking_status" DEFAULT 'booked' NOT NULL,
	"credits" integer NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"lesson_id" uuid,
	"express_start_requested_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"reschedule_count" integer DEFAULT 0 NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"canceled_at" timestamp with time zone,
	"canceled_by" uuid,
	"cancel_reason" "coaching_cancel_reason",
	"credit_returned" boolean DEFAULT false NOT NULL,
	CONSTRAINT "coaching_bookings_range" CHECK ("coaching_bookings"."starts_at" < "coaching_bookings"."ends_at"),
	CONSTRAINT "coaching_bookings_credits" CHECK ("coaching_bookings"."credits" >= 1),
	CONSTRAINT "coaching_bookings_canceled" CHECK (("coaching_bookings"."status" = 'canceled') = ("coaching_bookings"."canceled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "coaching_credit_balances" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"credits" integer NOT NULL,
	CONSTRAINT "coaching_credit_balances_nonnegative" CHECK ("coaching_credit_balances"."credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coaching_credit_extensions" (
	"unit_id" uuid NOT NULL,
	"previous_expires_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_credit_extensions_unit_id_created_at_pk" PRIMARY KEY("unit_id","created_at")
);
--> statement-breakpoint
CREATE TABLE "coaching_credit_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"grant_entry_id" uuid NOT NULL,
	"order_id" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"spent_at" timestamp with time zone,
	"taken_back_at" timestamp with time zone,
	"taken_back_cause" text,
	"expired_at" timestamp with time zone,
	CONSTRAINT "coaching_credit_units_spent" CHECK (("coaching_credit_units"."booking_id" is null) = ("coaching_credit_units"."spent_at" is null)),
	CONSTRAINT "coaching_credit_units_spent_live" CHECK ("coaching_credit_units"."booking_id" is null or ("coaching_credit_units"."taken_back_at" is null and "coaching_credit_units"."expired_at" is null)),
	CONSTRAINT "coaching_credit_units_before_expiry" CHECK ("coaching_credit_units"."spent_at" is null or "coaching_credit_units"."spent_at" < "coaching_credit_units"."expires_at")
);
--> statement-breakpoint
CREATE TABLE "coaching_date_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_minute" integer,
	"end_minute" integer,
	CONSTRAINT "coaching_date_overrides_range" CHECK (("coaching_date_overrides"."start_minute" is null and "coaching_date_overrides"."end_minute" is null) or ("coaching_date_overrides"."start_minute" >= 0 and "coaching_date_overrides"."end_minute" <= 1440 and "coaching_date_overrides"."start_minute" < "coaching_date_overrides"."end_minute"))
);
--> statement-breakpoint
CREATE TABLE "coaching_member_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_session_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coach_id" uuid NOT NULL,
	"title" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"credits" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_session_types_duration" CHECK ("coaching_session_types"."duration_minutes" between 10 and 240),
	CONSTRAINT "coaching_session_types_credits" CHECK ("coaching_session_types"."credits" between 1 and 10)
);
--> statement-breakpoint
DROP INDEX "coaching_credits_user_idx";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD COLUMN "booking_id" uuid;--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD COLUMN "actor_user_id" uuid;--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_availability" ADD CONSTRAINT "coaching_availability_coach_id_coach_profiles_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."coach_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_coach_id_coach_profiles_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."coach_profiles"("user_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_session_type_id_coaching_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "public"."coaching_session_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_canceled_by_users_id_fk" FOREIGN KEY ("canceled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_balances" ADD CONSTRAINT "coaching_credit_balances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_extensions" ADD CONSTRAINT "coaching_credit_extensions_unit_id_coaching_credit_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coaching_credit_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_extensions" ADD CONSTRAINT "coaching_credit_extensions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_units" ADD CONSTRAINT "coaching_credit_units_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_units" ADD CONSTRAINT "coaching_credit_units_grant_entry_id_coaching_credits_id_fk" FOREIGN KEY ("grant_entry_id") REFERENCES "public"."coaching_credits"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_units" ADD CONSTRAINT "coaching_credit_units_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credit_units" ADD CONSTRAINT "coaching_credit_units_booking_id_coaching_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."coaching_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_date_overrides" ADD CONSTRAINT "coaching_date_overrides_coach_id_coach_profiles_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."coach_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_member_settings" ADD CONSTRAINT "coaching_member_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_session_types" ADD CONSTRAINT "coaching_session_types_coach_id_coach_profiles_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."coach_profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_availability_coach_idx" ON "coaching_availability" USING btree ("coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_bookings_idempotency_unique" ON "coaching_bookings" USING btree ("member_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "coaching_bookings_coach_idx" ON "coaching_bookings" USING btree ("coach_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_bookings_member_idx" ON "coaching_bookings" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "coaching_credit_units_user_idx" ON "coaching_credit_units" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE INDEX "coaching_credit_units_order_idx" ON "coaching_credit_units" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "coaching_credit_units_booking_idx" ON "coaching_credit_units" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "coaching_date_overrides_coach_idx" ON "coaching_date_overrides" USING btree ("coach_id","date");--> statement-breakpoint
CREATE INDEX "coaching_session_types_coach_idx" ON "coaching_session_types" USING btree ("coach_id");--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD CONSTRAINT "coaching_credits_booking_id_coaching_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."coaching_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD CONSTRAINT "coaching_credits_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_credits_booking_unique" ON "coaching_credits" USING btree ("booking_id","reason") WHERE "coaching_credits"."booking_id" is not null;--> statement-breakpoint
CREATE INDEX "coaching_credits_user_idx" ON "coaching_credits" USING btree ("user_id","created_at");--> statement-breakpoint
-- ===== Hand-written (drizzle cannot express these) =====
-- btree_gist lets one GiST index combine "same coach" (=) with "overlapping times" (&&). PGlite loads
-- it in createDb; on PostgreSQL it is a trusted contrib extension.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No two live bookings of one coach overlap: two members racing for one slot get one booking.
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_coach_no_overlap" EXCLUDE USING gist ("coach_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'canceled');
--> statement-breakpoint
-- One member never holds two overlapping sessions (with any coach).
ALTER TABLE "coaching_bookings" ADD CONSTRAINT "coaching_bookings_member_no_overlap" EXCLUDE USING gist ("member_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'canceled');
--> statement-breakpoint
-- The ledger is append-only (an erased account's rows go with it; set-null links may be cleared), and
-- every row moves the member's balance, whose check refuses a negative sum.
CREATE FUNCTION coaching_credits_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.delta <> OLD.delta OR NEW.user_id <> OLD.user_id OR NEW.reason <> OLD.reason THEN
      RAISE EXCEPTION 'a coaching credit ledger row cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  -- Update first: an INSERT … ON CONFLICT would check its own (negative) candidate row and fail.
  UPDATE coaching_credit_balances SET credits = credits + NEW.delta WHERE user_id = NEW.user_id;
  IF NOT FOUND THEN
    INSERT INTO coaching_credit_balances (user_id, credits) VALUES (NEW.user_id, NEW.delta)
    ON CONFLICT (user_id) DO UPDATE SET credits = coaching_credit_balances.credits + EXCLUDED.credits;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER coaching_credits_apply AFTER INSERT OR UPDATE ON coaching_credits FOR EACH ROW EXECUTE FUNCTION coaching_credits_apply();
--> statement-breakpoint
-- Existing grants join the ledger: balances from the sums so far. (Reasons are compared as text below:
-- PostgreSQL refuses enum comparisons in the transaction that added the enum value 'expired'.)
INSERT INTO coaching_credit_balances (user_id, credits) SELECT user_id, sum(delta) FROM coaching_credits GROUP BY user_id;
--> statement-breakpoint
-- One unit per credit an order granted, expiring 12 months after purchase; those the order already
-- had taken back (refund or chargeback, net of restorations) are marked taken back.
INSERT INTO coaching_credit_units (user_id, grant_entry_id, order_id, granted_at, expires_at, taken_back_at, taken_back_cause)
SELECT g.user_id, g.id, g.order_id, g.created_at, g.created_at + interval '12 months',
       CASE WHEN n > g.delta + coalesce(o.moved, 0) THEN now() END,
       CASE WHEN n > g.delta + coalesce(o.moved, 0) THEN 'migrated' END
FROM coaching_credits g
CROSS JOIN LATERAL generate_series(1, g.delta) AS n
LEFT JOIN LATERAL (
  SELECT sum(m.delta) AS moved FROM coaching_credits m
  WHERE m.order_id = g.order_id AND m.user_id = g.user_id AND m.reason::text IN ('order_revoked', 'order_restored')
) o ON true
WHERE g.reason::text = 'order' AND g.delta > 0;
--> statement-breakpoint
-- Credits an admin granted.
INSERT INTO coaching_credit_units (user_id, grant_entry_id, order_id, granted_at, expires_at)
SELECT g.user_id, g.id, NULL, g.created_at, g.created_at + interval '12 months'
FROM coaching_credits g CROSS JOIN LATERAL generate_series(1, g.delta) AS n
WHERE g.reason::text = 'admin' AND g.delta > 0;
