-- The catalogue lists published courses a page at a time by title: read in the index's order
-- instead of sorting every published course for each page.
CREATE INDEX ix_course_status_title ON course (status, title, id);
