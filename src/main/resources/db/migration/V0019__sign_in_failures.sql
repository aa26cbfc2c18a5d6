-- Failed sign-ins per submitted e-mail address (as a SHA-256 hash: whatever was typed, nothing
-- readable is kept), for locking an address out for a while after repeated failures.
CREATE TABLE sign_in_failure (
    email_hash     CHAR(64)  NOT NULL,
    failures       INT       NOT NULL,
    first_failed_at TIMESTAMP NOT NULL,
    locked_until   TIMESTAMP NULL,
    CONSTRAINT pk_sign_in_failure PRIMARY KEY (email_hash),
    CONSTRAINT ck_sign_in_failure_count CHECK (failures >= 0)
);
