CREATE TYPE "public"."chat_contact_state" AS ENUM('sync', 'synced', 'remove', 'removed');--> statement-breakpoint
ALTER TYPE "public"."privacy_request_kind" ADD VALUE 'chat_removal';--> statement-breakpoint
CREATE TABLE "chat_contacts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"subscriber_id" text,
	"state" "chat_contact_state" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synced_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removal_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_contacts" ADD CONSTRAINT "chat_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_contacts" ADD CONSTRAINT "chat_contacts_removal_request_id_privacy_requests_id_fk" FOREIGN KEY ("removal_request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_contacts_due_idx" ON "chat_contacts" USING btree ("state","next_attempt_at");