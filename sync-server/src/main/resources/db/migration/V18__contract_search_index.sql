-- What the contract search narrows on in SQL (ADR 46), both derived from the contract and rebuilt from it
-- (on start for rows that have none: existing contracts, a restore), so backups leave them out.
-- Who takes part in a contract (creator, receiving users, approvers, signers of every party): the facts the
-- access policy's visibility rule reads, in a column a search can filter on instead of the progress JSON.
CREATE TABLE contract_people (
    contract_id VARCHAR(36) NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    user_id     VARCHAR(9)  NOT NULL,
    PRIMARY KEY (contract_id, user_id)
);
CREATE INDEX contract_people_user ON contract_people (user_id, contract_id);

-- The blind index of the sealed title and 文書管理番号: for each company a contract reached, keyed hashes
-- (HMAC-SHA256 under a key derived from that company's data key, 64 bits kept) of the normalised bigrams.
CREATE TABLE contract_terms (
    company_id  VARCHAR(9)  NOT NULL,
    term        BIGINT      NOT NULL,
    contract_id VARCHAR(36) NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    PRIMARY KEY (company_id, term, contract_id)
);
CREATE INDEX contract_terms_contract ON contract_terms (contract_id);

-- The default list (newest first, ContractQuery's tie order) read in index order, a page at a time.
CREATE INDEX contracts_newest ON contracts (updated_at DESC, id);
