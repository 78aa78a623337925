-- 案件 and their documents. Customer content (title, 文書管理番号, 19条 items, notes, PDFs) is sealed
-- under the sending company's key; the workflow progress (ids and statuses only) and the three
-- 電子帳簿保存法 search keys stay in clear so range searches use indexes.
CREATE TABLE contracts (
    id               VARCHAR(36)  PRIMARY KEY,
    sender_company   VARCHAR(9)   NOT NULL REFERENCES companies (id),
    creator          VARCHAR(9)   NOT NULL,
    form             VARCHAR(40)  NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    transaction_date DATE,
    amount           BIGINT,
    counterparty     VARCHAR(9),
    number_index     VARCHAR(64)  NOT NULL,
    content          BYTEA        NOT NULL,
    progress         VARCHAR(8000) NOT NULL,
    main_document    VARCHAR(64),
    revision         BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contracts_number UNIQUE (sender_company, number_index)
);
CREATE INDEX contracts_sender_date ON contracts (sender_company, transaction_date);
CREATE INDEX contracts_sender_amount ON contracts (sender_company, amount);
CREATE INDEX contracts_sender_counterparty ON contracts (sender_company, counterparty);

-- Which companies take part, so a counterparty finds the contracts that reached it by index.
CREATE TABLE contract_parties (
    contract_id VARCHAR(36) NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    company_id  VARCHAR(9)  NOT NULL REFERENCES companies (id),
    position    INTEGER     NOT NULL,
    reached     BOOLEAN     NOT NULL,
    PRIMARY KEY (contract_id, company_id)
);
CREATE INDEX contract_parties_company ON contract_parties (company_id, reached);

CREATE TABLE contract_documents (
    contract_id  VARCHAR(36) NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    sha256       VARCHAR(64) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    pages        INTEGER     NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    produced_by  VARCHAR(9)  NOT NULL,
    reason       VARCHAR(40) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    content      BYTEA       NOT NULL,
    PRIMARY KEY (contract_id, sha256)
);

CREATE TABLE contract_number_counters (
    company_id VARCHAR(9) NOT NULL REFERENCES companies (id),
    num_year   INTEGER    NOT NULL,
    last_value INTEGER    NOT NULL,
    PRIMARY KEY (company_id, num_year)
);
