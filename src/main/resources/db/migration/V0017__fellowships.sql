-- Fellowships: calls with their criteria and eligibility rules, host placement offers,
-- applications (drafts, then immutable once submitted, with a receipt), review (panels,
-- conflicts of interest, assignments, scores, consensus) and placements.

CREATE TABLE fellowship_call (
    id                 CHAR(36)       NOT NULL,
    slug               VARCHAR(80)    NOT NULL,
    title              VARCHAR(200)   NOT NULL,
    scheme             VARCHAR(24)    NOT NULL,
    summary            MEDIUMTEXT     NOT NULL,
    opens_at           DATETIME(6)    NOT NULL,
    closes_at          DATETIME(6)    NOT NULL,
    time_zone          VARCHAR(64)    NOT NULL,
    budget             DECIMAL(14, 2) NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    funded_places      INT            NOT NULL,
    max_choices        INT            NOT NULL,
    score_max          INT            NOT NULL,
    -- The eligibility rules and the documents every application must carry, as JSON.
    rules              TEXT           NOT NULL,
    required_documents TEXT           NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    ranking_released_at DATETIME(6),
    created_by         CHAR(36)       NOT NULL,
    created_at         DATETIME(6)    NOT NULL,
    updated_at         DATETIME(6)    NOT NULL,
    version            BIGINT         NOT NULL,
    CONSTRAINT pk_fellowship_call PRIMARY KEY (id),
    CONSTRAINT uk_fellowship_call_slug UNIQUE (slug),
    CONSTRAINT ck_fellowship_call_dates CHECK (closes_at > opens_at),
    CONSTRAINT ck_fellowship_call_places CHECK (funded_places > 0 AND max_choices > 0 AND score_max > 0)
);
CREATE INDEX ix_fellowship_call_status ON fellowship_call (status, closes_at);

CREATE TABLE fellowship_criterion (
    call_id     CHAR(36)     NOT NULL,
    position    INT          NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(500) NOT NULL,
    weight      DECIMAL(5, 2) NOT NULL,
    CONSTRAINT pk_fellowship_criterion PRIMARY KEY (call_id, position),
    CONSTRAINT fk_fellowship_criterion_call FOREIGN KEY (call_id) REFERENCES fellowship_call (id) ON DELETE CASCADE,
    CONSTRAINT ck_fellowship_criterion_weight CHECK (weight > 0)
);

CREATE TABLE host_offer (
    id              CHAR(36)     NOT NULL,
    call_id         CHAR(36)     NOT NULL,
    organisation_id CHAR(36)     NOT NULL,
    topic           VARCHAR(200) NOT NULL,
    description     MEDIUMTEXT   NOT NULL,
    supervisor      VARCHAR(200) NOT NULL,
    skills          TEXT         NOT NULL,
    places          INT          NOT NULL,
    city            VARCHAR(120) NOT NULL,
    country         VARCHAR(2)   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    created_by      CHAR(36)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_host_offer PRIMARY KEY (id),
    CONSTRAINT fk_host_offer_call FOREIGN KEY (call_id) REFERENCES fellowship_call (id),
    CONSTRAINT ck_host_offer_places CHECK (places > 0)
);
CREATE INDEX ix_host_offer_call ON host_offer (call_id, status);

-- One application per applicant and call: a draft until submitted; submitted is immutable
-- (the service refuses changes; the receipt is the SHA-256 of what was submitted).
CREATE TABLE fellowship_application (
    id           CHAR(36)    NOT NULL,
    call_id      CHAR(36)    NOT NULL,
    applicant_id CHAR(36)    NOT NULL,
    applicant_name VARCHAR(200) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    proposal     MEDIUMTEXT  NOT NULL,
    facts        MEDIUMTEXT  NOT NULL,
    choices      TEXT        NOT NULL,
    documents    TEXT        NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    submitted_at DATETIME(6),
    receipt      VARCHAR(64),
    withdrawn_at DATETIME(6),
    version      BIGINT      NOT NULL,
    CONSTRAINT pk_fellowship_application PRIMARY KEY (id),
    CONSTRAINT uk_fellowship_application UNIQUE (call_id, applicant_id),
    CONSTRAINT fk_fellowship_application_call FOREIGN KEY (call_id) REFERENCES fellowship_call (id)
);
CREATE INDEX ix_fellowship_application_status ON fellowship_application (call_id, status);

CREATE TABLE review_panel_member (
    call_id     CHAR(36)    NOT NULL,
    reviewer_id CHAR(36)    NOT NULL,
    chair       BOOLEAN     NOT NULL,
    added_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_review_panel_member PRIMARY KEY (call_id, reviewer_id),
    CONSTRAINT fk_review_panel_member_call FOREIGN KEY (call_id) REFERENCES fellowship_call (id)
);

-- A reviewer's declared conflict with an application (the same organisation is detected, not declared).
CREATE TABLE review_conflict (
    application_id CHAR(36)     NOT NULL,
    reviewer_id    CHAR(36)     NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    declared_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_review_conflict PRIMARY KEY (application_id, reviewer_id),
    CONSTRAINT fk_review_conflict_application FOREIGN KEY (application_id) REFERENCES fellowship_application (id)
);

CREATE TABLE review_assignment (
    application_id CHAR(36)    NOT NULL,
    reviewer_id    CHAR(36)    NOT NULL,
    assigned_at    DATETIME(6) NOT NULL,
    submitted_at   DATETIME(6),
    CONSTRAINT pk_review_assignment PRIMARY KEY (application_id, reviewer_id),
    CONSTRAINT fk_review_assignment_application FOREIGN KEY (application_id) REFERENCES fellowship_application (id)
);
CREATE INDEX ix_review_assignment_reviewer ON review_assignment (reviewer_id);

CREATE TABLE review_score (
    application_id CHAR(36)      NOT NULL,
    reviewer_id    CHAR(36)      NOT NULL,
    position       INT           NOT NULL,
    score          DECIMAL(5, 2) NOT NULL,
    comment        TEXT          NOT NULL,
    CONSTRAINT pk_review_score PRIMARY KEY (application_id, reviewer_id, position),
    CONSTRAINT fk_review_score_assignment FOREIGN KEY (application_id, reviewer_id)
        REFERENCES review_assignment (application_id, reviewer_id)
);

-- The panel's agreed score per criterion (the consensus step), written by the panel chair.
CREATE TABLE review_consensus (
    application_id CHAR(36)      NOT NULL,
    position       INT           NOT NULL,
    score          DECIMAL(5, 2) NOT NULL,
    comment        TEXT          NOT NULL,
    agreed_by      CHAR(36)      NOT NULL,
    agreed_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_review_consensus PRIMARY KEY (application_id, position),
    CONSTRAINT fk_review_consensus_application FOREIGN KEY (application_id) REFERENCES fellowship_application (id)
);

-- Hosts' order of preference among the applicants who chose their offer (optional: without it
-- the host follows the panel's ranking).
CREATE TABLE host_preference (
    offer_id       CHAR(36) NOT NULL,
    application_id CHAR(36) NOT NULL,
    rank_position  INT      NOT NULL,
    CONSTRAINT pk_host_preference PRIMARY KEY (offer_id, application_id),
    CONSTRAINT fk_host_preference_offer FOREIGN KEY (offer_id) REFERENCES host_offer (id)
);

-- A placement offered to an applicant at a host offer: accepted or declined by the deadline.
CREATE TABLE fellowship_placement (
    id             CHAR(36)    NOT NULL,
    call_id        CHAR(36)    NOT NULL,
    application_id CHAR(36)    NOT NULL,
    offer_id       CHAR(36)    NOT NULL,
    round          INT         NOT NULL,
    status         VARCHAR(16) NOT NULL,
    explanation    TEXT        NOT NULL,
    offered_at     DATETIME(6) NOT NULL,
    respond_by     DATETIME(6) NOT NULL,
    responded_at   DATETIME(6),
    -- TRUE while offered or accepted: one live placement per application.
    live           BOOLEAN,
    CONSTRAINT pk_fellowship_placement PRIMARY KEY (id),
    CONSTRAINT uk_fellowship_placement_live UNIQUE (application_id, live),
    CONSTRAINT fk_fellowship_placement_application FOREIGN KEY (application_id) REFERENCES fellowship_application (id),
    CONSTRAINT fk_fellowship_placement_offer FOREIGN KEY (offer_id) REFERENCES host_offer (id)
);
CREATE INDEX ix_fellowship_placement_call ON fellowship_placement (call_id, status);
