-- Hand-written: an invoice may go once its retain_until has passed as a calendar date in Europe/Amsterdam,
-- the zone its issue date and year are counted in and the one the expired-invoices rule uses for "today"
-- (packages/api/src/privacy/apply-retention.ts). current_date followed the session's time zone (UTC on
-- most servers), so on 1 January between 00:00 and 01:00 Amsterdam time the rule deleted an invoice kept
-- until 31 December and this trigger refused it: the run ended in an error. Otherwise as in 0020.
CREATE OR REPLACE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.retain_until < (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN
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
