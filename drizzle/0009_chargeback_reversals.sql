ALTER TYPE "public"."coaching_credit_reason" ADD VALUE 'order_restored';--> statement-breakpoint
CREATE TABLE "chargeback_reversals" (
	"chargeback_id" text PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"reversed_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"access_restored_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "coaching_credits_order_unique";--> statement-breakpoint
ALTER TABLE "chargebacks" ADD COLUMN "counted_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "chargebacks" ADD COLUMN "ended_course" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chargebacks" ADD COLUMN "sessions_lapsed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coaching_credits" ADD COLUMN "cause" text;--> statement-breakpoint
-- Hand-written backfill (conventions: one statement per chunk): what earlier chargebacks counted on the order is their credit note's amount.
UPDATE "chargebacks" SET "counted_cents" = coalesce((SELECT -"invoices"."total_cents" FROM "invoices" WHERE "invoices"."chargeback_id" = "chargebacks"."id" AND "invoices"."kind" = 'credit_note'), 0);--> statement-breakpoint
ALTER TABLE "chargeback_reversals" ADD CONSTRAINT "chargeback_reversals_chargeback_id_chargebacks_id_fk" FOREIGN KEY ("chargeback_id") REFERENCES "public"."chargebacks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chargeback_reversals" ADD CONSTRAINT "chargeback_reversals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chargeback_reversals_order_idx" ON "chargeback_reversals" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_credits_cause_unique" ON "coaching_credits" USING btree ("order_id","reason","cause") WHERE "coaching_credits"."cause" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_credits_order_unique" ON "coaching_credits" USING btree ("order_id","reason") WHERE "coaching_credits"."reason" in ('order', 'order_revoked') and "coaching_credits"."cause" is null;--> statement-breakpoint
ALTER TABLE "chargebacks" ADD CONSTRAINT "chargebacks_counted_within_amount" CHECK ("chargebacks"."counted_cents" between 0 and "chargebacks"."amount_cents");