CREATE INDEX "users_search_trgm_idx" ON "users" USING gin (("email" || ' ' || "first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entitlements_course_members_idx" ON "entitlements" USING btree ("course_id","granted_at","id") WHERE "entitlements"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "privacy_requests_created_idx" ON "privacy_requests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "coaching_bookings_starts_idx" ON "coaching_bookings" USING btree ("starts_at","id");