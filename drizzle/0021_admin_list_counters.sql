CREATE TABLE "newsletter_subscriber_counts" (
	"status" "newsletter_subscriber_status" PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_search_trgm_idx";--> statement-breakpoint
DROP INDEX "orders_search_trgm_idx";--> statement-breakpoint
ALTER TABLE "blog_comments" ADD COLUMN "body_html" text;--> statement-breakpoint
CREATE INDEX "users_search_trgm_idx" ON "users" USING gin (("email" || ' ' || "first_name" || ' ' || "last_name") gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "orders_search_trgm_idx" ON "orders" USING gin (("buyer_email" || ' ' || "id"::text) gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- Hand-written: newsletter_subscriber_counts kept by statement-level triggers on newsletter_subscribers (one
-- upsert per statement from its transition tables, so a bulk import adds one row update per status, not one per
-- subscriber). The deltas of a statement are applied in status order, so two transactions lock the counter rows
-- in the same order and cannot deadlock on them.
CREATE FUNCTION newsletter_subscriber_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO newsletter_subscriber_counts AS c (status, count)
      SELECT status, count(*)::int FROM new_rows GROUP BY status ORDER BY status
      ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO newsletter_subscriber_counts AS c (status, count)
      SELECT status, -count(*)::int FROM old_rows GROUP BY status ORDER BY status
      ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO newsletter_subscriber_counts AS c (status, count)
      SELECT status, sum(delta)::int FROM (
        SELECT status, -1 AS delta FROM old_rows UNION ALL SELECT status, 1 AS delta FROM new_rows
      ) d GROUP BY status HAVING sum(delta) <> 0 ORDER BY status
      ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER newsletter_subscriber_counts_insert AFTER INSERT ON newsletter_subscribers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsletter_subscriber_counts_apply();--> statement-breakpoint
CREATE TRIGGER newsletter_subscriber_counts_update AFTER UPDATE ON newsletter_subscribers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsletter_subscriber_counts_apply();--> statement-breakpoint
CREATE TRIGGER newsletter_subscriber_counts_delete AFTER DELETE ON newsletter_subscribers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsletter_subscriber_counts_apply();--> statement-breakpoint
CREATE FUNCTION newsletter_subscriber_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM newsletter_subscriber_counts;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER newsletter_subscriber_counts_truncate AFTER TRUNCATE ON newsletter_subscribers FOR EACH STATEMENT EXECUTE FUNCTION newsletter_subscriber_counts_clear();--> statement-breakpoint
INSERT INTO newsletter_subscriber_counts (status, count) SELECT status, count(*)::int FROM newsletter_subscribers GROUP BY status;
