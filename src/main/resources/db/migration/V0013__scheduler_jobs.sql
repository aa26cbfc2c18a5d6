-- Compute, third step: each factory's Slurm REST endpoint (the token is configuration, never stored
-- here), operators' own edits of their factory, and the batch jobs the platform submits.

ALTER TABLE ai_factory ADD COLUMN scheduler_url VARCHAR(300);
ALTER TABLE ai_factory ADD COLUMN scheduler_api_version VARCHAR(16);
ALTER TABLE ai_factory ADD COLUMN scheduler_user VARCHAR(64);
ALTER TABLE ai_factory ADD COLUMN scheduler_work_dir VARCHAR(300);
-- Set when an operator edits the factory; the registry files then no longer overwrite it.
ALTER TABLE ai_factory ADD COLUMN edited_at DATETIME(6);
ALTER TABLE ai_factory ADD COLUMN edited_by CHAR(36);

-- A batch job on a factory's Slurm, funded by an allocation: its GPU-hours (GPUs x time limit)
-- are reserved when it is submitted and settled (consumed for the time it ran, the rest released)
-- when it ends, however it ends.
CREATE TABLE scheduler_job (
    id                 CHAR(36)       NOT NULL,
    factory_id         CHAR(36)       NOT NULL,
    partition_name     VARCHAR(60)    NOT NULL,
    allocation_id      CHAR(36)       NOT NULL,
    owner_id           CHAR(36)       NOT NULL,
    -- A learner's job (a GPU lab session) also draws on their cap in this run.
    learner_run_id     CHAR(36),
    purpose            VARCHAR(200)   NOT NULL,
    gpus               INT            NOT NULL,
    time_limit_minutes INT            NOT NULL,
    reserved_hours     DECIMAL(12, 3) NOT NULL,
    consumed_hours     DECIMAL(12, 3),
    slurm_job_id       VARCHAR(40),
    state              VARCHAR(16)    NOT NULL,
    slurm_state        VARCHAR(24),
    reason_key         VARCHAR(80),
    reason_detail      VARCHAR(500),
    cancel_requested   BOOLEAN        NOT NULL,
    failures           INT            NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    submitted_at       DATETIME(6),
    expected_start_at  DATETIME(6),
    started_at         DATETIME(6),
    ended_at           DATETIME(6),
    last_contact_at    DATETIME(6),
    nodes              VARCHAR(200),
    slurm_comment      VARCHAR(300),
    CONSTRAINT pk_scheduler_job PRIMARY KEY (id),
    CONSTRAINT fk_scheduler_job_factory FOREIGN KEY (factory_id) REFERENCES ai_factory (id),
    CONSTRAINT fk_scheduler_job_allocation FOREIGN KEY (allocation_id) REFERENCES gpu_allocation (id),
    CONSTRAINT ck_scheduler_job_sizes CHECK (gpus >= 0 AND time_limit_minutes > 0 AND reserved_hours >= 0)
);
CREATE INDEX ix_scheduler_job_state ON scheduler_job (state);
CREATE INDEX ix_scheduler_job_allocation ON scheduler_job (allocation_id, created_at);
CREATE INDEX ix_scheduler_job_owner ON scheduler_job (owner_id, created_at);
