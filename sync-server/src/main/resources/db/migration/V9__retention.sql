-- Retention and termination (issue 11, ADR 13).
-- Unfinished contracts (draft, returned, expired, withdrawn, declined) are kept this many days after their
-- last change; completed ones companies.retention_years after completion.
ALTER TABLE companies ADD COLUMN unfinished_days INTEGER DEFAULT 365 NOT NULL;
-- A terminated company's data is purged after this instant (the end of its read-only grace period).
ALTER TABLE companies ADD COLUMN purge_after TIMESTAMP WITH TIME ZONE;
UPDATE companies SET purge_after = terminated_at + INTERVAL '90' DAY WHERE status = 'TERMINATED';

-- When the contract was completed: the start of its retention period (updated_at moves with archive renewals).
ALTER TABLE contracts ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
UPDATE contracts SET completed_at = updated_at WHERE status = 'COMPLETED';
-- A legal hold keeps the contract from every purge until it is lifted.
ALTER TABLE contracts ADD COLUMN legal_hold_by VARCHAR(9);
ALTER TABLE contracts ADD COLUMN legal_hold_at TIMESTAMP WITH TIME ZONE;
-- The company whose data key seals the contract's content and PDFs: the sender, until the sender's data is
-- purged while a counterparty must still keep the completed contract; then that counterparty (custody).
ALTER TABLE contracts ADD COLUMN key_company VARCHAR(9);
UPDATE contracts SET key_company = sender_company;
ALTER TABLE contracts ALTER COLUMN key_company SET NOT NULL;
CREATE INDEX contracts_completed ON contracts (status, completed_at);
CREATE INDEX contracts_last_change ON contracts (status, updated_at);
