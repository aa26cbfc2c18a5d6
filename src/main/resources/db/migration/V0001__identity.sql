-- Identity: accounts, roles, external (OpenID Connect) identities, organisations, memberships.
-- Portable between MySQL 8.4, MariaDB 10.11+ and H2 in MySQL mode: ids are UUID strings,
-- instants are UTC DATETIME(6).

CREATE TABLE account (
    id               CHAR(36)     NOT NULL,
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(100) NOT NULL,
    password_hash    VARCHAR(255),
    preferred_locale VARCHAR(16),
    enabled          BOOLEAN      NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uk_account_email UNIQUE (email)
);

CREATE TABLE account_role (
    account_id CHAR(36)    NOT NULL,
    role       VARCHAR(32) NOT NULL,
    CONSTRAINT pk_account_role PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE external_identity (
    issuer     VARCHAR(255) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    account_id CHAR(36)     NOT NULL,
    linked_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_external_identity PRIMARY KEY (issuer, subject),
    CONSTRAINT fk_external_identity_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE TABLE organisation (
    id         CHAR(36)     NOT NULL,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    country    VARCHAR(2),
    website    VARCHAR(300),
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT pk_organisation PRIMARY KEY (id),
    CONSTRAINT uk_organisation_name_kind UNIQUE (name, kind)
);

CREATE TABLE membership (
    organisation_id CHAR(36)    NOT NULL,
    account_id      CHAR(36)    NOT NULL,
    role            VARCHAR(16) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT pk_membership PRIMARY KEY (organisation_id, account_id),
    CONSTRAINT fk_membership_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_membership_account ON membership (account_id);
