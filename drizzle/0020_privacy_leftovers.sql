CREATE TABLE "privacy_key_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_key_id" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "privacy_key_rotations_status" CHECK ("privacy_key_rotations"."status" in ('running', 'finished', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "company" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "country" text;--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_key_rotations_one_running" ON "privacy_key_rotations" USING btree ("status") WHERE "privacy_key_rotations"."status" = 'running';--> statement-breakpoint
CREATE INDEX "privacy_key_rotations_started_idx" ON "privacy_key_rotations" USING btree ("started_at");--> statement-breakpoint
-- Hand-written: key rotation may move an invoice's encrypted VAT number to the newest key. The printed
-- document and every other column stay as issued; only the ciphertext of buyer_vat_number_encrypted may
-- change, only to a value under another key id, and only inside a transaction of the rotation job,
-- which sets jouwbot.key_rotation = 'on' locally (packages/api/src/privacy/rotate-encryption-keys.ts).
CREATE OR REPLACE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.retain_until < current_date THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'invoice % must be kept until %', OLD.number, OLD.retain_until USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.user_id IS NULL AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
    RETURN NEW;
  END IF;
  IF current_setting('jouwbot.key_rotation', true) = 'on'
    AND OLD.buyer_vat_number_encrypted IS NOT NULL
    AND NEW.buyer_vat_number_encrypted LIKE 'v1.%'
    AND split_part(NEW.buyer_vat_number_encrypted, '.', 2) <> split_part(OLD.buyer_vat_number_encrypted, '.', 2)
    AND (to_jsonb(NEW) - 'buyer_vat_number_encrypted') = (to_jsonb(OLD) - 'buyer_vat_number_encrypted') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'invoice % cannot be changed', OLD.number USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
