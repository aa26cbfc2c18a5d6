-- Enrolment: seats per run, enrolments with their place in the waitlist, lesson progress,
-- issued credentials; and the in-app notifications the shell shows.

-- One row per run, locked by every enrolment and cancellation of that run: the seat guard.
-- taken never exceeds capacity (checked here, whatever the code does); arrivals numbers
-- requests in the order they took the lock, which is the waitlist's order.
CREATE TABLE run_seats (
    run_id   CHAR(36) NOT NULL,
    capacity INT      NOT NULL,
    taken    INT      NOT NULL,
    arrivals BIGINT   NOT NULL,
    CONSTRAINT pk_run_seats PRIMARY KEY (run_id),
    CONSTRAINT ck_run_seats_taken CHECK (taken >= 0 AND taken <= capacity)
);

CREATE TABLE enrolment (
    id           CHAR(36)    NOT NULL,
    run_id       CHAR(36)    NOT NULL,
    course_id    CHAR(36)    NOT NULL,
    learner_id   CHAR(36)    NOT NULL,
    status       VARCHAR(16) NOT NULL,
    arrival      BIGINT      NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    enrolled_at  DATETIME(6),
    promoted_at  DATETIME(6),
    cancelled_at DATETIME(6),
    completed_at DATETIME(6),
    version      BIGINT      NOT NULL,
    CONSTRAINT pk_enrolment PRIMARY KEY (id),
    CONSTRAINT uk_enrolment_run_learner UNIQUE (run_id, learner_id),
    CONSTRAINT fk_enrolment_seats FOREIGN KEY (run_id) REFERENCES run_seats (run_id)
);
CREATE INDEX ix_enrolment_learner ON enrolment (learner_id, status);
CREATE INDEX ix_enrolment_queue ON enrolment (run_id, status, arrival);

CREATE TABLE lesson_progress (
    enrolment_id CHAR(36)    NOT NULL,
    lesson_id    CHAR(36)    NOT NULL,
    done_at      DATETIME(6) NOT NULL,
    CONSTRAINT pk_lesson_progress PRIMARY KEY (enrolment_id, lesson_id),
    CONSTRAINT fk_lesson_progress_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id) ON DELETE CASCADE
);

-- An issued credential. subject_key makes issuing idempotent: one credential per completed
-- enrolment ("enrolment:<id>") or per learner and programme ("programme:<id>:<learner>").
CREATE TABLE credential (
    id                CHAR(36)     NOT NULL,
    subject_key       VARCHAR(120) NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    learner_id        CHAR(36)     NOT NULL,
    recipient_name    VARCHAR(200) NOT NULL,
    achievement_name  VARCHAR(200) NOT NULL,
    course_id         CHAR(36),
    programme_id      CHAR(36),
    enrolment_id      CHAR(36),
    issued_at         DATETIME(6)  NOT NULL,
    key_id            VARCHAR(100) NOT NULL,
    jwt               MEDIUMTEXT   NOT NULL,
    revoked_at        DATETIME(6),
    revoked_by        CHAR(36),
    revocation_reason VARCHAR(500),
    CONSTRAINT pk_credential PRIMARY KEY (id),
    CONSTRAINT uk_credential_subject UNIQUE (subject_key)
);
CREATE INDEX ix_credential_learner ON credential (learner_id);

CREATE TABLE notification (
    id          CHAR(36)     NOT NULL,
    account_id  CHAR(36)     NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    arguments   VARCHAR(2000) NOT NULL,
    link        VARCHAR(300),
    created_at  DATETIME(6)  NOT NULL,
    read_at     DATETIME(6),
    CONSTRAINT pk_notification PRIMARY KEY (id)
);
CREATE INDEX ix_notification_account ON notification (account_id, created_at);
