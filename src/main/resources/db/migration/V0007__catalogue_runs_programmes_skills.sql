-- Catalogue, second step: what a course teaches (ESCO skills, outcomes, sectors), who teaches it,
-- what it requires, how it is delivered (runs), and programmes that combine courses.

CREATE TABLE skill (
    uri         VARCHAR(200) NOT NULL,
    label       VARCHAR(300) NOT NULL,
    reuse_level VARCHAR(20),
    skill_group VARCHAR(30)  NOT NULL,
    CONSTRAINT pk_skill PRIMARY KEY (uri)
);

ALTER TABLE course ADD COLUMN format VARCHAR(16) DEFAULT 'SELF_PACED' NOT NULL;
ALTER TABLE course ADD COLUMN organisation_id CHAR(36);
ALTER TABLE course ADD COLUMN review_note VARCHAR(1000);
ALTER TABLE course ADD COLUMN submitted_at DATETIME(6);
ALTER TABLE course ADD COLUMN published_at DATETIME(6);

CREATE TABLE course_language (
    course_id CHAR(36)   NOT NULL,
    language  VARCHAR(8) NOT NULL,
    CONSTRAINT pk_course_language PRIMARY KEY (course_id, language),
    CONSTRAINT fk_course_language_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);

CREATE TABLE course_outcome (
    course_id CHAR(36)     NOT NULL,
    position  INT          NOT NULL,
    outcome   VARCHAR(500) NOT NULL,
    CONSTRAINT pk_course_outcome PRIMARY KEY (course_id, position),
    CONSTRAINT fk_course_outcome_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);

CREATE TABLE course_skill (
    course_id CHAR(36)     NOT NULL,
    skill_uri VARCHAR(200) NOT NULL,
    CONSTRAINT pk_course_skill PRIMARY KEY (course_id, skill_uri),
    CONSTRAINT fk_course_skill_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_course_skill_skill FOREIGN KEY (skill_uri) REFERENCES skill (uri)
);
CREATE INDEX ix_course_skill_skill ON course_skill (skill_uri);

CREATE TABLE course_sector (
    course_id CHAR(36)    NOT NULL,
    sector    VARCHAR(24) NOT NULL,
    CONSTRAINT pk_course_sector PRIMARY KEY (course_id, sector),
    CONSTRAINT fk_course_sector_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);

-- Instructors are accounts of the identity module, referred to by id only.
CREATE TABLE course_instructor (
    course_id  CHAR(36) NOT NULL,
    account_id CHAR(36) NOT NULL,
    CONSTRAINT pk_course_instructor PRIMARY KEY (course_id, account_id),
    CONSTRAINT fk_course_instructor_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);
CREATE INDEX ix_course_instructor_account ON course_instructor (account_id);

CREATE TABLE course_prerequisite_course (
    course_id          CHAR(36) NOT NULL,
    required_course_id CHAR(36) NOT NULL,
    CONSTRAINT pk_course_prerequisite_course PRIMARY KEY (course_id, required_course_id),
    CONSTRAINT fk_course_prerequisite_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_course_prerequisite_required FOREIGN KEY (required_course_id) REFERENCES course (id),
    CONSTRAINT ck_course_prerequisite_self CHECK (course_id <> required_course_id)
);

CREATE TABLE course_prerequisite_skill (
    course_id CHAR(36)     NOT NULL,
    skill_uri VARCHAR(200) NOT NULL,
    CONSTRAINT pk_course_prerequisite_skill PRIMARY KEY (course_id, skill_uri),
    CONSTRAINT fk_course_prerequisite_skill_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT fk_course_prerequisite_skill_skill FOREIGN KEY (skill_uri) REFERENCES skill (uri)
);

ALTER TABLE lesson ADD COLUMN module_title VARCHAR(200);
ALTER TABLE lesson ADD COLUMN required BOOLEAN DEFAULT TRUE NOT NULL;

CREATE TABLE course_run (
    id               CHAR(36)     NOT NULL,
    course_id        CHAR(36)     NOT NULL,
    code             VARCHAR(40)  NOT NULL,
    starts_on        DATE         NOT NULL,
    ends_on          DATE         NOT NULL,
    enrol_opens_at   DATETIME(6)  NOT NULL,
    enrol_closes_at  DATETIME(6)  NOT NULL,
    time_zone        VARCHAR(64)  NOT NULL,
    capacity         INT          NOT NULL,
    waitlist         BOOLEAN      NOT NULL,
    language         VARCHAR(8)   NOT NULL,
    delivery_mode    VARCHAR(16)  NOT NULL,
    location         VARCHAR(200),
    lab_gpu_hours    DECIMAL(8, 2),
    status           VARCHAR(16)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_course_run PRIMARY KEY (id),
    CONSTRAINT uk_course_run_code UNIQUE (course_id, code),
    CONSTRAINT fk_course_run_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT ck_course_run_dates CHECK (ends_on >= starts_on),
    CONSTRAINT ck_course_run_window CHECK (enrol_closes_at > enrol_opens_at),
    CONSTRAINT ck_course_run_capacity CHECK (capacity > 0),
    CONSTRAINT ck_course_run_lab_hours CHECK (lab_gpu_hours IS NULL OR lab_gpu_hours >= 0)
);
CREATE INDEX ix_course_run_starts ON course_run (starts_on);

CREATE TABLE programme (
    id             CHAR(36)     NOT NULL,
    slug           VARCHAR(120) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    summary        VARCHAR(600) NOT NULL,
    description_md MEDIUMTEXT,
    credits_total  DECIMAL(5, 1) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    content_hash   VARCHAR(64),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT pk_programme PRIMARY KEY (id),
    CONSTRAINT uk_programme_slug UNIQUE (slug),
    CONSTRAINT ck_programme_credits CHECK (credits_total > 0)
);

-- Rows are rewritten by position when a programme changes, so a course's uniqueness within a
-- programme is checked when the programme is saved, not by a constraint that reordering would trip.
CREATE TABLE programme_course (
    programme_id CHAR(36)     NOT NULL,
    position     INT          NOT NULL,
    course_id    CHAR(36)     NOT NULL,
    required     BOOLEAN      NOT NULL,
    part         VARCHAR(120) NOT NULL,
    CONSTRAINT pk_programme_course PRIMARY KEY (programme_id, position),
    CONSTRAINT fk_programme_course_programme FOREIGN KEY (programme_id) REFERENCES programme (id) ON DELETE CASCADE,
    CONSTRAINT fk_programme_course_course FOREIGN KEY (course_id) REFERENCES course (id)
);
