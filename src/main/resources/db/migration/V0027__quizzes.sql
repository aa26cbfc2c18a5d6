-- Quizzes (the assessment module). A lesson may be completed by passing its quiz.
ALTER TABLE lesson ADD COLUMN completed_by_quiz BOOLEAN NOT NULL DEFAULT FALSE;

-- A course's question bank: questions (each a JSON document of its kind, with its answer) that
-- quizzes draw from. A question removed from the bank's file is retired, never deleted, because
-- attempts keep their own copy of what they presented.
CREATE TABLE question_bank (
    id           CHAR(36)     NOT NULL,
    slug         VARCHAR(80)  NOT NULL,
    course_slug  VARCHAR(120) NOT NULL,
    title        VARCHAR(200) NOT NULL,
    content_hash VARCHAR(100) NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_question_bank PRIMARY KEY (id),
    CONSTRAINT uq_question_bank_slug UNIQUE (slug)
);

CREATE TABLE bank_question (
    bank_id      CHAR(36)    NOT NULL,
    question_key VARCHAR(80) NOT NULL,
    position     INT         NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    points       INT         NOT NULL,
    body         MEDIUMTEXT  NOT NULL,
    retired      BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_bank_question PRIMARY KEY (bank_id, question_key),
    CONSTRAINT fk_bank_question_bank FOREIGN KEY (bank_id) REFERENCES question_bank (id),
    CONSTRAINT ck_bank_question_points CHECK (points BETWEEN 1 AND 100)
);

-- A quiz of a lesson: how many questions it draws from its bank and its settings.
CREATE TABLE quiz (
    id                 CHAR(36)     NOT NULL,
    slug               VARCHAR(80)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    course_slug        VARCHAR(120) NOT NULL,
    lesson_slug        VARCHAR(120) NOT NULL,
    bank_id            CHAR(36)     NOT NULL,
    draw_count         INT          NOT NULL,
    shuffle            BOOLEAN      NOT NULL,
    pass_mark          DECIMAL(5, 2) NOT NULL,
    attempts_allowed   INT          NOT NULL,
    time_limit_seconds INT          NULL,
    show_answers       VARCHAR(16)  NOT NULL,
    content_hash       VARCHAR(100) NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    CONSTRAINT pk_quiz PRIMARY KEY (id),
    CONSTRAINT uq_quiz_slug UNIQUE (slug),
    CONSTRAINT fk_quiz_bank FOREIGN KEY (bank_id) REFERENCES question_bank (id),
    CONSTRAINT ck_quiz_pass_mark CHECK (pass_mark > 0 AND pass_mark <= 100),
    CONSTRAINT ck_quiz_attempts CHECK (attempts_allowed BETWEEN 1 AND 100),
    CONSTRAINT ck_quiz_draw CHECK (draw_count >= 1)
);
CREATE INDEX ix_quiz_lesson ON quiz (course_slug, lesson_slug);

-- A learner's attempt. The unique number per learner and quiz bounds the attempts however many
-- tabs start one at once; submitted_at is set once (by the learner, or by the deadline sweep), by
-- an update that only an unsubmitted row passes, so an attempt is graded once.
CREATE TABLE quiz_attempt (
    id           CHAR(36)      NOT NULL,
    quiz_id      CHAR(36)      NOT NULL,
    learner_id   CHAR(36)      NOT NULL,
    number       INT           NOT NULL,
    seed         BIGINT        NOT NULL,
    paper        MEDIUMTEXT    NOT NULL,
    started_at   DATETIME(6)   NOT NULL,
    deadline     DATETIME(6)   NULL,
    submitted_at DATETIME(6)   NULL,
    submitted_by VARCHAR(16)   NULL,
    score        DECIMAL(5, 2) NULL,
    passed       BOOLEAN       NULL,
    results      MEDIUMTEXT    NULL,
    CONSTRAINT pk_quiz_attempt PRIMARY KEY (id),
    CONSTRAINT uq_quiz_attempt_number UNIQUE (quiz_id, learner_id, number),
    CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
    CONSTRAINT ck_quiz_attempt_score CHECK (score IS NULL OR (score >= 0 AND score <= 100))
);
CREATE INDEX ix_quiz_attempt_open ON quiz_attempt (submitted_at, deadline);

-- The answers of an attempt, one row per question, saved as the learner goes.
CREATE TABLE quiz_answer (
    attempt_id   CHAR(36)    NOT NULL,
    question_key VARCHAR(80) NOT NULL,
    response     TEXT        NOT NULL,
    saved_at     DATETIME(6) NOT NULL,
    CONSTRAINT pk_quiz_answer PRIMARY KEY (attempt_id, question_key),
    CONSTRAINT fk_quiz_answer_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id)
);
