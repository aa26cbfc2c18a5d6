-- An hours entry may cite the lab work it was spent on (a lab session or a graded submission of
-- the participant's own): the reference and, as the mentor saw it when co-signing, what it was
-- (the session's metered time, the notebook revision and its SHA-256, the score).
ALTER TABLE cohort_hours ADD COLUMN evidence_ref VARCHAR(80) NULL;
ALTER TABLE cohort_hours ADD COLUMN evidence VARCHAR(600) NULL;
