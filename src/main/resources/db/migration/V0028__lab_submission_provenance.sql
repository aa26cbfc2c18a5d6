-- Where and on what a graded lab submission ran, so that its credential can say: the SHA-256 of
-- the notebook revision graded, the runner (local sandbox, or an AI Factory's partition and job),
-- the environment (the kernel's Python and the hash of its package set), GPUs, and checks passed.
ALTER TABLE lab_submission ADD COLUMN notebook_sha256 CHAR(64) NULL;
ALTER TABLE lab_submission ADD COLUMN ran_on VARCHAR(200) NULL;
ALTER TABLE lab_submission ADD COLUMN environment VARCHAR(200) NULL;
ALTER TABLE lab_submission ADD COLUMN gpus INT NULL;
ALTER TABLE lab_submission ADD COLUMN checks_passed INT NULL;
ALTER TABLE lab_submission ADD COLUMN checks_total INT NULL;
