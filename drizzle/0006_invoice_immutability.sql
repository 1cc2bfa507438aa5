-- Invoices and credit notes are bookkeeping records: never changed, deleted only after retain_until.
-- The one allowed change is unlinking an erased account (users → ON DELETE SET NULL).
CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RAISE EXCEPTION 'invoice % cannot be changed', OLD.number USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_immutable();
--> statement-breakpoint
CREATE FUNCTION invoice_pdfs_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a stored invoice PDF cannot be changed' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invoice_pdfs_immutable BEFORE UPDATE ON invoice_pdfs FOR EACH ROW EXECUTE FUNCTION invoice_pdfs_immutable();
