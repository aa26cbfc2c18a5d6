-- Compute: the AI Factory registry and the factories' GPU partitions.

CREATE TABLE ai_factory (
    id                       CHAR(36)     NOT NULL,
    slug                     VARCHAR(60)  NOT NULL,
    name                     VARCHAR(120) NOT NULL,
    hosting_entity           VARCHAR(200) NOT NULL,
    operator_organisation_id CHAR(36),
    host_country             VARCHAR(2)     NOT NULL,
    supercomputer            VARCHAR(120) NOT NULL,
    supercomputer_note       VARCHAR(200),
    description              MEDIUMTEXT,
    content_hash             VARCHAR(64),
    updated_at               DATETIME(6)  NOT NULL,
    version                  BIGINT       NOT NULL,
    CONSTRAINT pk_ai_factory PRIMARY KEY (id),
    CONSTRAINT uk_ai_factory_slug UNIQUE (slug)
);

CREATE TABLE ai_factory_country (
    factory_id CHAR(36) NOT NULL,
    position   INT      NOT NULL,
    country    VARCHAR(2) NOT NULL,
    CONSTRAINT pk_ai_factory_country PRIMARY KEY (factory_id, position),
    CONSTRAINT fk_ai_factory_country_factory FOREIGN KEY (factory_id) REFERENCES ai_factory (id) ON DELETE CASCADE
);

CREATE TABLE ai_factory_sector (
    factory_id CHAR(36)    NOT NULL,
    position   INT         NOT NULL,
    sector     VARCHAR(80) NOT NULL,
    CONSTRAINT pk_ai_factory_sector PRIMARY KEY (factory_id, position),
    CONSTRAINT fk_ai_factory_sector_factory FOREIGN KEY (factory_id) REFERENCES ai_factory (id) ON DELETE CASCADE
);

CREATE TABLE factory_partition (
    id            CHAR(36)    NOT NULL,
    factory_id    CHAR(36)    NOT NULL,
    name          VARCHAR(60) NOT NULL,
    gpu_model     VARCHAR(80) NOT NULL,
    gpus_per_node INT         NOT NULL,
    nodes         INT         NOT NULL,
    gpu_memory_gb INT         NOT NULL,
    assumed       BOOLEAN     NOT NULL,
    version       BIGINT      NOT NULL,
    CONSTRAINT pk_factory_partition PRIMARY KEY (id),
    CONSTRAINT uk_factory_partition_name UNIQUE (factory_id, name),
    CONSTRAINT fk_factory_partition_factory FOREIGN KEY (factory_id) REFERENCES ai_factory (id) ON DELETE CASCADE,
    CONSTRAINT ck_factory_partition_sizes CHECK (gpus_per_node > 0 AND nodes > 0 AND gpu_memory_gb > 0)
);
