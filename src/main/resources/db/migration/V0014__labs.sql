-- Labs: notebook templates attached to lessons, each learner's saved copies (every save a
-- revision), and lab sessions with their state.

CREATE TABLE lab_template (
    id                 CHAR(36)     NOT NULL,
    slug               VARCHAR(80)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    course_slug        VARCHAR(80)  NOT NULL,
    lesson_slug        VARCHAR(80)  NOT NULL,
    kernel             VARCHAR(40)  NOT NULL,
    packages           VARCHAR(400) NOT NULL,
    gpus               INT          NOT NULL,
    memory_mb          INT          NOT NULL,
    time_limit_minutes INT          NOT NULL,
    idle_minutes       INT          NOT NULL,
    notebook           MEDIUMTEXT   NOT NULL,
    checks             MEDIUMTEXT   NOT NULL,
    content_hash       VARCHAR(80)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_lab_template PRIMARY KEY (id),
    CONSTRAINT uk_lab_template_slug UNIQUE (slug),
    CONSTRAINT ck_lab_template_resources CHECK (gpus >= 0 AND memory_mb > 0 AND time_limit_minutes > 0 AND idle_minutes > 0)
);
CREATE INDEX ix_lab_template_lesson ON lab_template (course_slug, lesson_slug);

-- A learner's copy of a lab: every save is a new revision; a save names the revision it
-- changes, so two tabs saving at once cannot overwrite each other (the unique key refuses the
-- second, which the learner then sees).
CREATE TABLE lab_notebook (
    id          CHAR(36)    NOT NULL,
    template_id CHAR(36)    NOT NULL,
    learner_id  CHAR(36)    NOT NULL,
    revision    INT         NOT NULL,
    content     MEDIUMTEXT  NOT NULL,
    origin      VARCHAR(16) NOT NULL,
    saved_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_lab_notebook PRIMARY KEY (id),
    CONSTRAINT uk_lab_notebook_revision UNIQUE (template_id, learner_id, revision),
    CONSTRAINT fk_lab_notebook_template FOREIGN KEY (template_id) REFERENCES lab_template (id),
    CONSTRAINT ck_lab_notebook_revision CHECK (revision > 0)
);

-- A lab session. active_slot is "<template>:<learner>" while the session is not over and NULL
-- after: the unique key allows one live session per learner and lab.
CREATE TABLE lab_session (
    id               CHAR(36)     NOT NULL,
    template_id      CHAR(36)     NOT NULL,
    learner_id       CHAR(36)     NOT NULL,
    launcher         VARCHAR(16)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    active_slot      VARCHAR(80),
    reason_key       VARCHAR(80),
    reason_detail    VARCHAR(500),
    gpus             INT          NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    started_at       DATETIME(6),
    last_activity_at DATETIME(6)  NOT NULL,
    ends_at          DATETIME(6),
    stopped_at       DATETIME(6),
    gpu_hours        DECIMAL(12, 3) NOT NULL,
    -- On an AI Factory: the batch job that runs the session's notebook server.
    scheduler_job_id CHAR(36),
    CONSTRAINT pk_lab_session PRIMARY KEY (id),
    CONSTRAINT uk_lab_session_active UNIQUE (active_slot),
    CONSTRAINT fk_lab_session_template FOREIGN KEY (template_id) REFERENCES lab_template (id)
);
CREATE INDEX ix_lab_session_learner ON lab_session (learner_id, created_at);
CREATE INDEX ix_lab_session_state ON lab_session (state);

-- A submitted lab: the learner's saved revision run from the top in a fresh sandbox, then the
-- lab's hidden checks; the score and each check's outcome, as the learner was told.
CREATE TABLE lab_submission (
    id           CHAR(36)      NOT NULL,
    template_id  CHAR(36)      NOT NULL,
    learner_id   CHAR(36)      NOT NULL,
    revision     INT           NOT NULL,
    score        DECIMAL(5, 1) NOT NULL,
    feedback     MEDIUMTEXT    NOT NULL,
    submitted_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_lab_submission PRIMARY KEY (id),
    CONSTRAINT fk_lab_submission_template FOREIGN KEY (template_id) REFERENCES lab_template (id),
    CONSTRAINT ck_lab_submission_score CHECK (score >= 0 AND score <= 100)
);
CREATE INDEX ix_lab_submission_learner ON lab_submission (template_id, learner_id, submitted_at);
