-- Scheduled jobs run once per period across every server on one database (issue 12, ADR 19). A server
-- about to run a job claims its row: holder names the process while the run lasts, lease_until is when a
-- run not finished by then is presumed dead (its process killed) and another server may take it over, and
-- started_at is when the last run began, which tells the other servers this period's run is done.
CREATE TABLE job_runs (
    job         VARCHAR(64)  PRIMARY KEY,
    holder      VARCHAR(128),
    lease_until TIMESTAMP WITH TIME ZONE,
    started_at  TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE
);
