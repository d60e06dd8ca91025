ALTER TABLE bookings ADD COLUMN invoiced_at timestamptz, ADD COLUMN invoice_number text NOT NULL DEFAULT '';
ALTER TABLE outgoing_mails DROP COLUMN document_id;
DROP TABLE invoice_lines;
DROP FUNCTION invoice_lines_frozen();
DROP TABLE invoice_documents;
DROP FUNCTION invoice_documents_frozen();
DROP TABLE invoice_counters;
