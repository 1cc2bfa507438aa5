ALTER TYPE "public"."privacy_request_kind" ADD VALUE 'processor_notice';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vat_number_encrypted" text;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "processor" text;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "processor_cause" text;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "processor_ref" text;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_requests_dedupe_unique" ON "privacy_requests" USING btree ("dedupe_key");