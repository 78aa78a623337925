-- Document versions a sender replaced before sending stay the sender's (issue 15, ADR 23): a version is shared
-- with the other parties once it is one of the contract's current documents while the contract is sent.
-- Contracts already sent keep every version shared (their parties may hold them); drafts start unshared.
ALTER TABLE contract_documents ADD COLUMN shared BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE contract_documents SET shared = FALSE
    WHERE contract_id IN (SELECT id FROM contracts WHERE status IN ('DRAFT', 'RETURNED'));
