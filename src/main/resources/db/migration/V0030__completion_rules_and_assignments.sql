-- What completes each lesson (READ: viewed, DONE: marked done, LAB, QUIZ, ASSIGNMENT: passed) and
-- its weight in the course grade (0: not counted). Replaces the quiz flag of V0027.
ALTER TABLE lesson ADD COLUMN completed_by VARCHAR(16) NOT NULL DEFAULT 'DONE';
UPDATE lesson SET completed_by = CASE WHEN completed_by_quiz THEN 'QUIZ' WHEN pass_score IS NOT NULL THEN 'LAB' ELSE 'DONE' END;
ALTER TABLE lesson DROP COLUMN completed_by_quiz;
ALTER TABLE lesson ADD COLUMN grade_weight INT NOT NULL DEFAULT 1;
ALTER TABLE lesson ADD CONSTRAINT ck_lesson_grade_weight CHECK (grade_weight BETWEEN 0 AND 100);

-- An assignment of a lesson (the assessment module): a brief, what a learner hands in (text,
-- files checked by the documents module, or both), the due date (days after the learner's run
-- starts, end of that day in the run's time zone), whether late work is taken, the rubric (JSON:
-- criteria with levels and points) and the share of the rubric's points that passes.
CREATE TABLE assignment (
    id           CHAR(36)      NOT NULL,
    slug         VARCHAR(80)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    course_slug  VARCHAR(120)  NOT NULL,
    lesson_slug  VARCHAR(120)  NOT NULL,
    brief_md     MEDIUMTEXT    NOT NULL,
    accepts      VARCHAR(16)   NOT NULL,
    max_files    INT           NOT NULL,
    due_days     INT           NOT NULL,
    late_allowed BOOLEAN       NOT NULL,
    pass_mark    DECIMAL(5, 2) NOT NULL,
    rubric       MEDIUMTEXT    NOT NULL,
    content_hash VARCHAR(100)  NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_assignment PRIMARY KEY (id),
    CONSTRAINT uq_assignment_slug UNIQUE (slug),
    CONSTRAINT ck_assignment_pass_mark CHECK (pass_mark > 0 AND pass_mark <= 100),
    CONSTRAINT ck_assignment_files CHECK (max_files BETWEEN 0 AND 10),
    CONSTRAINT ck_assignment_due CHECK (due_days BETWEEN 0 AND 3650)
);
CREATE INDEX ix_assignment_lesson ON assignment (course_slug, lesson_slug);

-- A learner's hand-in. The unique number per learner and assignment means two tabs handing in at
-- once make one submission; a new one is taken only after the last was returned for resubmission.
-- Grading moves SUBMITTED to GRADED or RETURNED by an update only a SUBMITTED row passes, so two
-- graders at once grade it once.
CREATE TABLE assignment_submission (
    id            CHAR(36)      NOT NULL,
    assignment_id CHAR(36)      NOT NULL,
    learner_id    CHAR(36)      NOT NULL,
    number        INT           NOT NULL,
    text_answer   MEDIUMTEXT    NULL,
    submitted_at  DATETIME(6)   NOT NULL,
    due_at        DATETIME(6)   NULL,
    late          BOOLEAN       NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    graded_by     CHAR(36)      NULL,
    graded_at     DATETIME(6)   NULL,
    levels        MEDIUMTEXT    NULL,
    score         DECIMAL(5, 2) NULL,
    passed        BOOLEAN       NULL,
    feedback      MEDIUMTEXT    NULL,
    CONSTRAINT pk_assignment_submission PRIMARY KEY (id),
    CONSTRAINT uq_assignment_submission_number UNIQUE (assignment_id, learner_id, number),
    CONSTRAINT fk_assignment_submission_assignment FOREIGN KEY (assignment_id) REFERENCES assignment (id),
    CONSTRAINT ck_assignment_submission_score CHECK (score IS NULL OR (score >= 0 AND score <= 100))
);
CREATE INDEX ix_assignment_submission_status ON assignment_submission (assignment_id, status, submitted_at);

-- The files of a submission (documents of purpose ASSIGNMENT, which their owner cannot delete:
-- they are erased with the account), with the name, size and SHA-256 they had when handed in.
CREATE TABLE assignment_file (
    submission_id CHAR(36)     NOT NULL,
    position      INT          NOT NULL,
    document_id   CHAR(36)     NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    CONSTRAINT pk_assignment_file PRIMARY KEY (submission_id, position),
    CONSTRAINT fk_assignment_file_submission FOREIGN KEY (submission_id) REFERENCES assignment_submission (id)
);
