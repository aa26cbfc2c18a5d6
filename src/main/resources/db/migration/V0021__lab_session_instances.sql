-- Which running instance of the platform holds a lab session's sandbox or connection; instances
-- say they are alive, so that one instance never ends another's sessions, and the sessions of an
-- instance that died are ended by the others.
CREATE TABLE platform_instance (
    id           CHAR(36)     NOT NULL,
    host         VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP    NOT NULL,
    heartbeat_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_platform_instance PRIMARY KEY (id)
);

ALTER TABLE lab_session ADD COLUMN instance_id CHAR(36) NULL;
