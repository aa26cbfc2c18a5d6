-- Documents: stored files with what was learnt about them (detected type, checksum, extracted text).

CREATE TABLE stored_document (
    id             CHAR(36)     NOT NULL,
    owner_id       CHAR(36)     NOT NULL,
    purpose        VARCHAR(32)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    media_type     VARCHAR(127) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    extracted_text MEDIUMTEXT   NOT NULL,
    text_length    INT          NOT NULL,
    text_truncated BOOLEAN      NOT NULL,
    title          VARCHAR(300),
    author         VARCHAR(200),
    pages          INT,
    created_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT pk_stored_document PRIMARY KEY (id),
    CONSTRAINT ck_stored_document_size CHECK (size_bytes > 0)
);
CREATE INDEX ix_stored_document_owner ON stored_document (owner_id, created_at);
