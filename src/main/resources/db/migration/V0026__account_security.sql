-- Accounts people can recover and protect: e-mail verification, password reset, a second factor,
-- and the sessions an account is signed in with (issue 17, ADR 0017).

-- Accounts from before verification existed were made by administrators, the demo or earlier
-- registrations: they count as verified; new self-registrations start unverified.
ALTER TABLE account ADD COLUMN email_verified_at DATETIME(6) NULL;
UPDATE account SET email_verified_at = created_at;
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64) NULL;
ALTER TABLE account ADD COLUMN totp_enabled_at DATETIME(6) NULL;
-- The last 30-second step a code was accepted for: a code is never accepted twice.
ALTER TABLE account ADD COLUMN totp_last_step BIGINT NULL;

-- Single-use links sent by e-mail (RESET, VERIFY): only their SHA-256 is kept.
CREATE TABLE account_token (
    token_hash CHAR(64)    NOT NULL,
    account_id CHAR(36)    NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT pk_account_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_account_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_token_account ON account_token (account_id, purpose);

-- Requests that send mail, counted per address and per client (hashed) to throttle them.
CREATE TABLE account_mail_request (
    request_key  CHAR(64)    NOT NULL,
    requested_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_account_mail_request ON account_mail_request (request_key, requested_at);

-- Recovery codes of the second factor, shown once: only their SHA-256 is kept.
CREATE TABLE account_recovery_code (
    code_hash  CHAR(64)    NOT NULL,
    account_id CHAR(36)    NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT pk_account_recovery_code PRIMARY KEY (code_hash),
    CONSTRAINT fk_account_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_recovery_code_account ON account_recovery_code (account_id);

-- The sessions an account is signed in with (by the SHA-256 of the HTTP session's id), on every
-- instance: ending one here signs it out wherever it runs.
CREATE TABLE account_session (
    id           CHAR(36)     NOT NULL,
    session_hash CHAR(64)     NOT NULL,
    account_id   CHAR(36)     NOT NULL,
    user_agent   VARCHAR(300) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    last_seen_at DATETIME(6)  NOT NULL,
    ended_at     DATETIME(6)  NULL,
    CONSTRAINT pk_account_session PRIMARY KEY (id),
    CONSTRAINT uk_account_session_hash UNIQUE (session_hash),
    CONSTRAINT fk_account_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_session_account ON account_session (account_id, ended_at);
