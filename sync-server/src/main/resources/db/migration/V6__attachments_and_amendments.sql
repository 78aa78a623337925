-- 添付書類: up to five PDFs beside the main one, in the same table as every document version (content
-- sealed as before). The display name is customer content, so it is sealed too (bound to the contract
-- and the document's hash); the kind ('MAIN' or 'ATTACHMENT'), sizes and the order stay in clear.
ALTER TABLE contract_documents ADD COLUMN display_name BYTEA;
ALTER TABLE contract_documents ADD COLUMN position INTEGER;

-- 変更契約: the id of the completed contract an amendment changes, in clear like every identifier, so
-- the original finds its amendments by index. No foreign key: the retention job ends each contract on
-- its own schedule, and the link is kept as a record even when the original has been purged.
ALTER TABLE contracts ADD COLUMN original_id VARCHAR(36);
CREATE INDEX contracts_original ON contracts (original_id);
