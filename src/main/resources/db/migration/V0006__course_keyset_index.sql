-- Search rebuilds page through published courses by id (keyset): WHERE status = ? AND id > ? ORDER BY id.
CREATE INDEX ix_course_status_id ON course (status, id);
ALTER TABLE course DROP INDEX ix_course_status;
