-- Compute, second step: access modes, GPU-hour allocations on factory partitions, and the quota
-- ledger that accounts every GPU-hour.

CREATE TABLE access_mode (
    code           VARCHAR(40)   NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    description    VARCHAR(600)  NOT NULL,
    max_gpu_hours  DECIMAL(12, 3) NOT NULL,
    max_days       INT           NOT NULL,
    review_needed  BOOLEAN       NOT NULL,
    CONSTRAINT pk_access_mode PRIMARY KEY (code),
    CONSTRAINT ck_access_mode_limits CHECK (max_gpu_hours > 0 AND max_days > 0)
);

CREATE TABLE gpu_allocation (
    id              CHAR(36)       NOT NULL,
    factory_id      CHAR(36)       NOT NULL,
    partition_name  VARCHAR(60)    NOT NULL,
    access_mode     VARCHAR(40)    NOT NULL,
    requester_id    CHAR(36)       NOT NULL,
    run_id          CHAR(36),
    programme_id    CHAR(36),
    requested_hours DECIMAL(12, 3) NOT NULL,
    granted_hours   DECIMAL(12, 3),
    justification   VARCHAR(2000)  NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    valid_from      DATE           NOT NULL,
    valid_until     DATE           NOT NULL,
    requested_at    DATETIME(6)    NOT NULL,
    decided_by      CHAR(36),
    decided_at      DATETIME(6),
    decision_note   VARCHAR(1000),
    version         BIGINT         NOT NULL,
    CONSTRAINT pk_gpu_allocation PRIMARY KEY (id),
    CONSTRAINT fk_gpu_allocation_factory FOREIGN KEY (factory_id) REFERENCES ai_factory (id),
    CONSTRAINT fk_gpu_allocation_mode FOREIGN KEY (access_mode) REFERENCES access_mode (code),
    CONSTRAINT ck_gpu_allocation_hours CHECK (requested_hours > 0 AND (granted_hours IS NULL OR granted_hours > 0)),
    CONSTRAINT ck_gpu_allocation_validity CHECK (valid_until >= valid_from)
);
CREATE INDEX ix_gpu_allocation_factory ON gpu_allocation (factory_id, status);
CREATE INDEX ix_gpu_allocation_requester ON gpu_allocation (requester_id);

-- A quota account holds GPU-hours: an allocation's, or one learner's cap within a run. Its balance
-- is the sum of its entries, kept on the row so that a movement is one conditional update that
-- can never take it below zero (and the CHECK refuses it whatever the code does).
CREATE TABLE quota_account (
    id           CHAR(36)       NOT NULL,
    kind         VARCHAR(16)    NOT NULL,
    allocation_id CHAR(36),
    run_id       CHAR(36),
    learner_id   CHAR(36),
    balance      DECIMAL(12, 3) NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    CONSTRAINT pk_quota_account PRIMARY KEY (id),
    CONSTRAINT uk_quota_account_allocation UNIQUE (allocation_id),
    CONSTRAINT uk_quota_account_learner UNIQUE (run_id, learner_id),
    CONSTRAINT ck_quota_account_balance CHECK (balance >= 0)
);

-- Every movement: who, when, why. The idempotency key makes a retried movement a no-op.
CREATE TABLE quota_entry (
    id              CHAR(36)       NOT NULL,
    account_id      CHAR(36)       NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    hours           DECIMAL(12, 3) NOT NULL,
    idempotency_key VARCHAR(150)   NOT NULL,
    actor_id        CHAR(36),
    reason          VARCHAR(500)   NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    CONSTRAINT pk_quota_entry PRIMARY KEY (id),
    CONSTRAINT uk_quota_entry_key UNIQUE (idempotency_key),
    CONSTRAINT fk_quota_entry_account FOREIGN KEY (account_id) REFERENCES quota_account (id)
);
CREATE INDEX ix_quota_entry_account ON quota_entry (account_id, created_at);
