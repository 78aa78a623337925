-- The signing deadline in clear beside the status, so the expiry job finds due contracts by index.
ALTER TABLE contracts ADD COLUMN deadline TIMESTAMP WITH TIME ZONE;
CREATE INDEX contracts_due ON contracts (status, deadline);
