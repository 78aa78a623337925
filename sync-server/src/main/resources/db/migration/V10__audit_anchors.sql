-- Anchors of the audit chain (DESIGN §5): a TSA's RFC 3161 token over a statement of (seq, head_hash), taken
-- daily and at each backup. id is 1, 2, 3 … assigned under the audit head's lock. anchored_at is the server's
-- time of taking it (when the next one is due); the time that counts is the one inside the token.
CREATE TABLE audit_anchors (
    id          BIGINT       PRIMARY KEY,
    seq         BIGINT       NOT NULL,
    head_hash   VARCHAR(64)  NOT NULL,
    reason      VARCHAR(16)  NOT NULL,
    tsa_url     VARCHAR(500) NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE NOT NULL,
    token       BYTEA        NOT NULL
);
CREATE INDEX audit_anchors_seq ON audit_anchors (seq);

-- At most one row: where the kept chain begins after a retention cut removed older events (the last removed
-- event's seq and hash), with an HMAC under the audit head's key, so it cannot be moved from inside the
-- database alone; the cut also anchors it.
CREATE TABLE audit_checkpoint (
    id          INTEGER     PRIMARY KEY,
    seq         BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    cut_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    mac         VARCHAR(64) NOT NULL
);
