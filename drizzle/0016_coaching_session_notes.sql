ALTER TABLE "coaching_bookings" ADD COLUMN "coach_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "coaching_bookings" ADD COLUMN "shared_summary" text DEFAULT '' NOT NULL;