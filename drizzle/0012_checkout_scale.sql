ALTER TABLE "orders" ADD COLUMN "payment_creation_started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_payment_creation_idx" ON "orders" USING btree ("payment_creation_started_at") WHERE "orders"."payment_creation_started_at" is not null;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at" DESC NULLS LAST);