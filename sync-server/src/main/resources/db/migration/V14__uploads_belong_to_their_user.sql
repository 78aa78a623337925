-- An upload belongs to the user who made it (issue 15). Keyed by company and hash alone, a colleague who knew a
-- document's SHA-256 could see that another member's upload was complete and attach it to a contract. The
-- tables are made again with the uploader in the key; what is under way moves over (its chunks stay sealed
-- under the same names, so it resumes), and the names stay as they were.
CREATE TABLE sync_user_uploads (
    company_id  VARCHAR(9)  NOT NULL REFERENCES companies (id),
    uploaded_by VARCHAR(9)  NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    complete    BOOLEAN     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (company_id, uploaded_by, sha256)
);
CREATE TABLE sync_user_upload_chunks (
    company_id  VARCHAR(9)  NOT NULL,
    uploaded_by VARCHAR(9)  NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    position    BIGINT      NOT NULL,
    content     BYTEA       NOT NULL,
    PRIMARY KEY (company_id, uploaded_by, sha256, position),
    FOREIGN KEY (company_id, uploaded_by, sha256) REFERENCES sync_user_uploads (company_id, uploaded_by, sha256)
        ON DELETE CASCADE
);
INSERT INTO sync_user_uploads (company_id, uploaded_by, sha256, size_bytes, complete, created_at)
    SELECT company_id, uploaded_by, sha256, size_bytes, complete, created_at FROM sync_uploads;
INSERT INTO sync_user_upload_chunks (company_id, uploaded_by, sha256, position, content)
    SELECT k.company_id, u.uploaded_by, k.sha256, k.position, k.content
    FROM sync_upload_chunks k JOIN sync_uploads u ON u.company_id = k.company_id AND u.sha256 = k.sha256;
DROP TABLE sync_upload_chunks;
DROP TABLE sync_uploads;
ALTER TABLE sync_user_uploads RENAME TO sync_uploads;
ALTER TABLE sync_user_upload_chunks RENAME TO sync_upload_chunks;
