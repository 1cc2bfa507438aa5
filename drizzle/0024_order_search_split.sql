DROP INDEX "orders_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "orders_email_trgm_idx" ON "orders" USING gin ("buyer_email" gin_trgm_ops) WITH (fastupdate=false);