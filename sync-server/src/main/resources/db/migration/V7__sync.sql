-- The sync protocol (DESIGN §4). Numbered V7 so a V6 written alongside it keeps its place.
--
-- One increasing counter gives every change its sequence number. A transaction takes the next number by
-- updating the single counter row, which it then holds locked until it commits: numbers therefore
-- become visible in the order they were given, and a client that has seen change n never misses an
-- m < n committed later (the gap a bare database sequence leaves under concurrent transactions).
CREATE TABLE sync_counter (
    id    INTEGER PRIMARY KEY,
    counter_value BIGINT NOT NULL
);
INSERT INTO sync_counter (id, counter_value) VALUES (1, 0);
-- Row 2: the feed's horizon, the highest sequence number whose tombstones were purged. A client whose
-- checkpoint is below it starts again from the beginning.
INSERT INTO sync_counter (id, counter_value) VALUES (2, 0);

-- The latest change of each entity for each audience: a company id (its users), a user id (that user
-- only) or '*' (everybody). Only the latest change is kept, so a pull costs what changed since the
-- checkpoint, not what exists. removed = a tombstone (the entity is gone for this audience).
CREATE TABLE sync_changes (
    entity_type VARCHAR(16) NOT NULL,
    entity_id   VARCHAR(64) NOT NULL,
    audience    VARCHAR(16) NOT NULL,
    seq         BIGINT      NOT NULL,
    removed     BOOLEAN     NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entity_type, entity_id, audience)
);
CREATE INDEX sync_changes_feed ON sync_changes (audience, seq);
CREATE INDEX sync_changes_tombstones ON sync_changes (removed, changed_at);

-- Every command a client pushed, by its client-generated id: a repeat gets this first result back.
-- Messages name ids and rules only, never customer content.
CREATE TABLE sync_commands (
    id          VARCHAR(36)   PRIMARY KEY,
    user_id     VARCHAR(9)    NOT NULL,
    command     VARCHAR(24)   NOT NULL,
    entity_id   VARCHAR(64),
    outcome     VARCHAR(16)   NOT NULL,
    revision    BIGINT,
    code        VARCHAR(40),
    message_ja  VARCHAR(2000),
    message_en  VARCHAR(2000),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- PDFs a client uploads before the command that names them (ATTACH_DOCUMENT, SIGN), sealed under the
-- company key once complete; while incomplete, the bytes so far (sealed per chunk) so a cut upload resumes.
CREATE TABLE sync_uploads (
    company_id  VARCHAR(9)  NOT NULL REFERENCES companies (id),
    sha256      VARCHAR(64) NOT NULL,
    uploaded_by VARCHAR(9)  NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    complete    BOOLEAN     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (company_id, sha256)
);
CREATE TABLE sync_upload_chunks (
    company_id VARCHAR(9)  NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    position   BIGINT      NOT NULL,
    content    BYTEA       NOT NULL,
    PRIMARY KEY (company_id, sha256, position),
    FOREIGN KEY (company_id, sha256) REFERENCES sync_uploads (company_id, sha256) ON DELETE CASCADE
);
