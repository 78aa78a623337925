-- When the TSA certificate of a completed contract's newest archive (document) timestamp expires, in clear
-- like the other dates the server's jobs act on: the renewal job (DESIGN §6) finds the contracts due by
-- index instead of opening every PDF. Null while a contract has no archive timestamp (not completed, or
-- completed while no TSA was configured); contracts archived before this column existed are filled in by
-- the job's first run, from their PDF.
ALTER TABLE contracts ADD COLUMN archive_expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX contracts_archive_due ON contracts (status, archive_expires_at);
