-- Talent, second step: candidate profiles with consent, their skills (declared, confirmed from a
-- CV, verified by credentials), applications with their pipeline history and the team's notes,
-- saved searches that alert candidates, and the questions a posting asks.

CREATE TABLE candidate_profile (
    account_id           CHAR(36)     NOT NULL,
    headline             VARCHAR(200) NOT NULL,
    experience           MEDIUMTEXT   NOT NULL,
    education            MEDIUMTEXT   NOT NULL,
    country              VARCHAR(2),
    city                 VARCHAR(120),
    mobility             VARCHAR(16)  NOT NULL,
    visibility           VARCHAR(16)  NOT NULL,
    -- When the candidate agreed that employers may see the profile; NULL while they have not
    -- (or after they withdrew: the profile is then private everywhere).
    consent_at           DATETIME(6),
    consent_withdrawn_at DATETIME(6),
    updated_at           DATETIME(6)  NOT NULL,
    CONSTRAINT pk_candidate_profile PRIMARY KEY (account_id),
    CONSTRAINT ck_candidate_profile_consent CHECK (visibility = 'PRIVATE' OR consent_at IS NOT NULL)
);
CREATE INDEX ix_candidate_profile_updated ON candidate_profile (updated_at);

CREATE TABLE candidate_language (
    account_id CHAR(36)   NOT NULL,
    language   VARCHAR(2) NOT NULL,
    CONSTRAINT pk_candidate_language PRIMARY KEY (account_id, language),
    CONSTRAINT fk_candidate_language_profile FOREIGN KEY (account_id) REFERENCES candidate_profile (account_id) ON DELETE CASCADE
);

-- source: DECLARED (typed by the candidate), CV (suggested from an uploaded CV and confirmed),
-- SUGGESTED (found in a CV, waiting for the candidate), VERIFIED (taught by a course or programme
-- whose credential the candidate holds; evidence names it).
CREATE TABLE candidate_skill (
    account_id CHAR(36)     NOT NULL,
    skill_uri  VARCHAR(200) NOT NULL,
    source     VARCHAR(16)  NOT NULL,
    evidence   VARCHAR(200),
    CONSTRAINT pk_candidate_skill PRIMARY KEY (account_id, skill_uri, source)
);
CREATE INDEX ix_candidate_skill_skill ON candidate_skill (skill_uri, account_id);

CREATE TABLE job_application (
    id            CHAR(36)     NOT NULL,
    posting_id    CHAR(36)     NOT NULL,
    candidate_id  CHAR(36)     NOT NULL,
    -- TRUE while the application is active, NULL once withdrawn, rejected or hired: the unique
    -- key below then allows one active application per candidate and posting, whatever races.
    active        BOOLEAN,
    status        VARCHAR(16)  NOT NULL,
    candidate_name VARCHAR(200) NOT NULL,
    cover_letter  MEDIUMTEXT   NOT NULL,
    cv_document   CHAR(36),
    cv_file_name  VARCHAR(200),
    answers       MEDIUMTEXT   NOT NULL,
    profile       MEDIUMTEXT   NOT NULL,
    reason        VARCHAR(1000),
    submitted_at  DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    erased_at     DATETIME(6),
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_job_application PRIMARY KEY (id),
    CONSTRAINT uk_job_application_active UNIQUE (posting_id, candidate_id, active),
    CONSTRAINT fk_job_application_posting FOREIGN KEY (posting_id) REFERENCES job_posting (id)
);
CREATE INDEX ix_job_application_candidate ON job_application (candidate_id, submitted_at);
CREATE INDEX ix_job_application_posting ON job_application (posting_id, status);

CREATE TABLE job_application_event (
    application_id CHAR(36)     NOT NULL,
    seq            INT          NOT NULL,
    from_status    VARCHAR(16),
    to_status      VARCHAR(16)  NOT NULL,
    moved_by       CHAR(36),
    moved_at       DATETIME(6)  NOT NULL,
    reason         VARCHAR(1000),
    CONSTRAINT pk_job_application_event PRIMARY KEY (application_id, seq),
    CONSTRAINT fk_job_application_event_application FOREIGN KEY (application_id) REFERENCES job_application (id) ON DELETE CASCADE
);

-- Notes an employer's team writes about an application; never shown to the candidate.
CREATE TABLE job_application_note (
    id             CHAR(36)    NOT NULL,
    application_id CHAR(36)    NOT NULL,
    author_id      CHAR(36)    NOT NULL,
    written_at     DATETIME(6) NOT NULL,
    body           TEXT        NOT NULL,
    CONSTRAINT pk_job_application_note PRIMARY KEY (id),
    CONSTRAINT fk_job_application_note_application FOREIGN KEY (application_id) REFERENCES job_application (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_application_note_application ON job_application_note (application_id, written_at);

-- A candidate's alert: postings matching these criteria are announced when published, and
-- reminded before they close. criteria is JSON (text, kinds, countries, skills).
CREATE TABLE saved_search (
    id         CHAR(36)     NOT NULL,
    account_id CHAR(36)     NOT NULL,
    name       VARCHAR(120) NOT NULL,
    criteria   TEXT         NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_saved_search PRIMARY KEY (id)
);
CREATE INDEX ix_saved_search_account ON saved_search (account_id);

-- Which alert told whom about which posting (announced / reminded): each at most once.
CREATE TABLE saved_search_hit (
    account_id CHAR(36)    NOT NULL,
    posting_id CHAR(36)    NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    sent_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_saved_search_hit PRIMARY KEY (account_id, posting_id, kind)
);

-- Matching reads postings changed since it last looked.
CREATE INDEX ix_job_posting_updated ON job_posting (updated_at);

-- E-mail copies of notifications: NONE (not wanted or no server), PENDING, SENT, FAILED after retries.
ALTER TABLE notification ADD COLUMN email_state VARCHAR(8) NOT NULL DEFAULT 'NONE';
ALTER TABLE notification ADD COLUMN email_attempts INT NOT NULL DEFAULT 0;
CREATE INDEX ix_notification_email ON notification (email_state, created_at);
