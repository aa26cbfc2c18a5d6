-- Change control after publication. A published course is changed through a revision: a copy of
-- the course (its own row, lessons and materials, revision_of naming the published course) that
-- its authors edit and a reviewer publishes, while learners keep seeing the published course.
-- revision_of is unique, so a course has at most one open revision however many authors start
-- one at once; a published (or discarded) revision's row is deleted once merged, and
-- course_revision keeps the history: which revision, minor or not, who published it, what changed.
ALTER TABLE course ADD COLUMN revision INT NOT NULL DEFAULT 1;
ALTER TABLE course ADD COLUMN revision_of CHAR(36) NULL;
ALTER TABLE course ADD COLUMN minor_revision BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE course ADD CONSTRAINT uq_course_revision_of UNIQUE (revision_of);
ALTER TABLE course ADD CONSTRAINT fk_course_revision_of FOREIGN KEY (revision_of) REFERENCES course (id);

CREATE TABLE course_revision (
    course_id    CHAR(36)    NOT NULL,
    revision     INT         NOT NULL,
    minor        BOOLEAN     NOT NULL,
    published_by CHAR(36)    NOT NULL,
    published_at DATETIME(6) NOT NULL,
    changes      MEDIUMTEXT  NOT NULL,
    CONSTRAINT pk_course_revision PRIMARY KEY (course_id, revision),
    CONSTRAINT fk_course_revision_course FOREIGN KEY (course_id) REFERENCES course (id)
);
