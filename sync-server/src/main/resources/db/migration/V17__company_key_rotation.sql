-- A company's data key before a rotation (keys rotate-company, ADR 36): content not yet re-sealed under the new
-- key opens under this one; it is cleared when nothing sealed under it is left.
ALTER TABLE companies ADD COLUMN previous_wrapped_key BYTEA;
