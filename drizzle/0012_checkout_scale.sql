ALTER TABLE "orders" ADD COLUMN "payment_creation_started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "invoices_order_idx" ON "invoices" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_payment_creation_idx" ON "orders" USING btree ("payment_creation_started_at") WHERE "orders"."payment_creation_started_at" is not null;--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
-- Hand-written (drizzle cannot express extensions): trigram operators for orders_search_trgm_idx. PGlite loads
-- the extension in createDb (@electric-sql/pglite/contrib/pg_trgm); on PostgreSQL pg_trgm is a trusted contrib extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "orders_search_trgm_idx" ON "orders" USING gin (("buyer_email" || ' ' || "id"::text) gin_trgm_ops);