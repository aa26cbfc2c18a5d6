-- Talent, first step: employers' postings (jobs, internships, apprenticeships, returnships,
-- scholarships) with their skills, places, languages and, for apprenticeships, the courses they
-- combine; every edit kept as a revision.

CREATE TABLE job_posting (
    id               CHAR(36)       NOT NULL,
    organisation_id  CHAR(36)       NOT NULL,
    kind             VARCHAR(16)    NOT NULL,
    title            VARCHAR(200)   NOT NULL,
    description      MEDIUMTEXT     NOT NULL,
    occupation_uri   VARCHAR(200),
    seniority        VARCHAR(16)    NOT NULL,
    remote_policy    VARCHAR(16)    NOT NULL,
    work_country     VARCHAR(2)     NOT NULL,
    visa_support     BOOLEAN        NOT NULL,
    salary_min       DECIMAL(12, 2),
    salary_max       DECIMAL(12, 2),
    salary_currency  VARCHAR(3),
    salary_period    VARCHAR(8),
    closes_on        DATE           NOT NULL,
    openings         INT            NOT NULL,
    training_plan    MEDIUMTEXT,
    status           VARCHAR(16)    NOT NULL,
    revision         INT            NOT NULL,
    created_by       CHAR(36)       NOT NULL,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    published_at     DATETIME(6),
    closed_at        DATETIME(6),
    CONSTRAINT pk_job_posting PRIMARY KEY (id),
    CONSTRAINT ck_job_posting_openings CHECK (openings > 0),
    CONSTRAINT ck_job_posting_salary CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max)
);
CREATE INDEX ix_job_posting_organisation ON job_posting (organisation_id, status);
CREATE INDEX ix_job_posting_status ON job_posting (status, closes_on);

CREATE TABLE job_posting_skill (
    posting_id CHAR(36)     NOT NULL,
    skill_uri  VARCHAR(200) NOT NULL,
    required   BOOLEAN      NOT NULL,
    CONSTRAINT pk_job_posting_skill PRIMARY KEY (posting_id, skill_uri),
    CONSTRAINT fk_job_posting_skill_posting FOREIGN KEY (posting_id) REFERENCES job_posting (id) ON DELETE CASCADE
);

-- Places, languages and (apprenticeships) courses, each in order.
CREATE TABLE job_posting_item (
    posting_id CHAR(36)     NOT NULL,
    item_kind  VARCHAR(16)  NOT NULL,
    position   INT          NOT NULL,
    item_value VARCHAR(200) NOT NULL,
    CONSTRAINT pk_job_posting_item PRIMARY KEY (posting_id, item_kind, position),
    CONSTRAINT fk_job_posting_item_posting FOREIGN KEY (posting_id) REFERENCES job_posting (id) ON DELETE CASCADE
);

-- Every version of a posting as it was saved: who, when, what (a JSON snapshot of the draft).
CREATE TABLE job_posting_revision (
    posting_id CHAR(36)    NOT NULL,
    revision   INT         NOT NULL,
    status     VARCHAR(16) NOT NULL,
    edited_by  CHAR(36)    NOT NULL,
    edited_at  DATETIME(6) NOT NULL,
    snapshot   MEDIUMTEXT  NOT NULL,
    CONSTRAINT pk_job_posting_revision PRIMARY KEY (posting_id, revision),
    CONSTRAINT fk_job_posting_revision_posting FOREIGN KEY (posting_id) REFERENCES job_posting (id) ON DELETE CASCADE
);
