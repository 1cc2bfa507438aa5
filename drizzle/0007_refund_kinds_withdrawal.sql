CREATE TYPE "public"."refund_kind" AS ENUM('order', 'coaching_withdrawal', 'duplicate_payment');--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "withdrawal_waived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "kind" "refund_kind" DEFAULT 'order' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_duplicate_payment_unique" ON "refunds" USING btree ("payment_id") WHERE "refunds"."kind" = 'duplicate_payment';