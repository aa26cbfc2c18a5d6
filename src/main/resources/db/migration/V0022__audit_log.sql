-- Security-relevant actions: who did what to what, when. Written in the transaction of the action
-- itself, so an action and its record commit or fail together. Kept; never edited.
CREATE TABLE audit_event (
    id          CHAR(36)      NOT NULL,
    occurred_at TIMESTAMP     NOT NULL,
    actor_id    CHAR(36)      NULL,
    actor_name  VARCHAR(200)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    details     VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
