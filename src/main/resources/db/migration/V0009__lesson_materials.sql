-- Files attached to lessons (slides, readings, notebooks): stored by the documents module, referred
-- to here by id, in the order the lesson lists them.
CREATE TABLE lesson_material (
    id          CHAR(36)     NOT NULL,
    lesson_id   CHAR(36)     NOT NULL,
    document_id CHAR(36)     NOT NULL,
    title       VARCHAR(200) NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    position    INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_lesson_material PRIMARY KEY (id),
    CONSTRAINT uk_lesson_material_document UNIQUE (lesson_id, document_id),
    CONSTRAINT fk_lesson_material_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id) ON DELETE CASCADE
);
CREATE INDEX ix_lesson_material_lesson ON lesson_material (lesson_id, position);
