-- 連携アプリケーション: a company's applications for the integration API (issue 13, ADR 17).
--
-- An admin applies; the operator reviews (status). What the company wrote — name, purpose, contact — is
-- sealed under the company key (content). Scopes and allowed client addresses stay in clear: the server
-- reads them on every call made with the key. The key itself is never stored, only its SHA-256 (key_hash),
-- exactly like session tokens.
CREATE TABLE api_applications (
    id                VARCHAR(9)    PRIMARY KEY,
    company_id        VARCHAR(9)    NOT NULL REFERENCES companies (id),
    applied_by        VARCHAR(16)   NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    content           BYTEA         NOT NULL,
    scopes            VARCHAR(200)  NOT NULL,
    allowed_addresses VARCHAR(4000) NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    status_reason     VARCHAR(2000),
    reviewed_at       TIMESTAMP WITH TIME ZONE,
    key_hash          VARCHAR(64),
    key_issued_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_applications_key_hash UNIQUE (key_hash)
);
CREATE INDEX api_applications_company ON api_applications (company_id);
