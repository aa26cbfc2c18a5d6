-- Fellows teach: co-instructors of a course, kept apart from the instructors its content file
-- names (a content re-import never removes them). Cohorts (apprenticeship, returnship,
-- scholarship): members with a mentor and an employer placement, the hours ledger co-signed by
-- the mentor, and a scholarship's disbursement milestones.

CREATE TABLE course_co_instructor (
    course_id  CHAR(36)    NOT NULL,
    account_id CHAR(36)    NOT NULL,
    added_by   CHAR(36)    NOT NULL,
    added_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_course_co_instructor PRIMARY KEY (course_id, account_id),
    CONSTRAINT fk_course_co_instructor_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);
CREATE INDEX ix_course_co_instructor_account ON course_co_instructor (account_id);

CREATE TABLE fellow_teaching (
    placement_id CHAR(36)    NOT NULL,
    course_id    CHAR(36)    NOT NULL,
    assigned_by  CHAR(36)    NOT NULL,
    assigned_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_fellow_teaching PRIMARY KEY (placement_id, course_id),
    CONSTRAINT fk_fellow_teaching_placement FOREIGN KEY (placement_id) REFERENCES fellowship_placement (id)
);

CREATE TABLE cohort (
    id                   CHAR(36)      NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    courses              TEXT          NOT NULL,
    training_hours       DECIMAL(7, 2) NOT NULL,
    work_hours           DECIMAL(7, 2) NOT NULL,
    hours_per_week       DECIMAL(5, 2) NOT NULL,
    starts_on            DATE          NOT NULL,
    ends_on              DATE          NOT NULL,
    created_by           CHAR(36)      NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    CONSTRAINT pk_cohort PRIMARY KEY (id),
    CONSTRAINT ck_cohort_dates CHECK (ends_on > starts_on),
    CONSTRAINT ck_cohort_hours CHECK (training_hours >= 0 AND work_hours >= 0 AND hours_per_week > 0)
);

CREATE TABLE cohort_member (
    id              CHAR(36)       NOT NULL,
    cohort_id       CHAR(36)       NOT NULL,
    account_id      CHAR(36)       NOT NULL,
    organisation_id CHAR(36),
    mentor_id       CHAR(36),
    award           DECIMAL(12, 2),
    currency        VARCHAR(3),
    conditions      TEXT,
    joined_at       DATETIME(6)    NOT NULL,
    CONSTRAINT pk_cohort_member PRIMARY KEY (id),
    CONSTRAINT uk_cohort_member UNIQUE (cohort_id, account_id),
    CONSTRAINT fk_cohort_member_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);
CREATE INDEX ix_cohort_member_account ON cohort_member (account_id);
CREATE INDEX ix_cohort_member_mentor ON cohort_member (mentor_id);

-- The hours ledger: each entry as the participant logged it; it counts once the mentor co-signs.
CREATE TABLE cohort_hours (
    id          CHAR(36)      NOT NULL,
    member_id   CHAR(36)      NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    worked_on   DATE          NOT NULL,
    hours       DECIMAL(5, 2) NOT NULL,
    note        VARCHAR(500)  NOT NULL,
    logged_at   DATETIME(6)   NOT NULL,
    cosigned_by CHAR(36),
    cosigned_at DATETIME(6),
    CONSTRAINT pk_cohort_hours PRIMARY KEY (id),
    CONSTRAINT fk_cohort_hours_member FOREIGN KEY (member_id) REFERENCES cohort_member (id),
    CONSTRAINT ck_cohort_hours_entry CHECK (hours > 0 AND hours <= 24)
);
CREATE INDEX ix_cohort_hours_member ON cohort_hours (member_id, worked_on);

CREATE TABLE cohort_milestone (
    id          CHAR(36)       NOT NULL,
    member_id   CHAR(36)       NOT NULL,
    position    INT            NOT NULL,
    label       VARCHAR(200)   NOT NULL,
    amount      DECIMAL(12, 2) NOT NULL,
    due_on      DATE           NOT NULL,
    released_by CHAR(36),
    released_at DATETIME(6),
    CONSTRAINT pk_cohort_milestone PRIMARY KEY (id),
    CONSTRAINT fk_cohort_milestone_member FOREIGN KEY (member_id) REFERENCES cohort_member (id)
);
