-- Spring Modulith's event publication registry (its v2 JDBC schema), so that no reaction of
-- one module to another's event is lost on a crash or while a dependency (the search engine) is
-- down. Modulith reads the id back as a UUID on H2 and as text on MySQL and MariaDB, hence the
-- one placeholder: ${uuid_type} is UUID on H2 and CHAR(36) elsewhere (application*.yaml).
-- Modulith names the table in upper case and MySQL's table names are case-sensitive on Linux.
CREATE TABLE EVENT_PUBLICATION (
    id                     ${uuid_type}  NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       DATETIME(6)   NOT NULL,
    completion_date        DATETIME(6),
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date DATETIME(6),
    CONSTRAINT pk_event_publication PRIMARY KEY (id)
);
CREATE INDEX ix_event_publication_completion ON EVENT_PUBLICATION (completion_date);
