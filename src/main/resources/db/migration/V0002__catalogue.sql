-- Catalogue: courses and their lessons.

CREATE TABLE course (
    id             CHAR(36)     NOT NULL,
    slug           VARCHAR(120) NOT NULL,
    title          VARCHAR(200) NOT NULL,
    summary        VARCHAR(600) NOT NULL,
    description_md MEDIUMTEXT,
    level          VARCHAR(20)  NOT NULL,
    language       VARCHAR(8)   NOT NULL,
    workload_hours INT          NOT NULL,
    ects           DECIMAL(4, 1),
    status         VARCHAR(16)  NOT NULL,
    content_hash   VARCHAR(64),
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT pk_course PRIMARY KEY (id),
    CONSTRAINT uk_course_slug UNIQUE (slug),
    CONSTRAINT ck_course_workload CHECK (workload_hours > 0)
);
CREATE INDEX ix_course_status ON course (status);

CREATE TABLE lesson (
    id        CHAR(36)     NOT NULL,
    course_id CHAR(36)     NOT NULL,
    slug      VARCHAR(120) NOT NULL,
    position  INT          NOT NULL,
    title     VARCHAR(200) NOT NULL,
    body_md   MEDIUMTEXT   NOT NULL,
    minutes   INT          NOT NULL,
    CONSTRAINT pk_lesson PRIMARY KEY (id),
    CONSTRAINT uk_lesson_course_slug UNIQUE (course_id, slug),
    CONSTRAINT fk_lesson_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);
