DROP INDEX "invoices_order_invoice_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_correction_unique" ON "invoices" USING btree ("corrects_invoice_id") WHERE "invoices"."kind" = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_order_invoice_unique" ON "invoices" USING btree ("order_id") WHERE "invoices"."kind" = 'invoice' and "invoices"."corrects_invoice_id" is null;