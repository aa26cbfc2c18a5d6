-- The plain text of course descriptions and lesson bodies, derived from their Markdown when they
-- are saved: search indexing reads it instead of parsing Markdown for every lesson of every course
-- on each rebuild (V0025 derives it for the rows already stored).
ALTER TABLE course ADD COLUMN description_text MEDIUMTEXT;
ALTER TABLE lesson ADD COLUMN body_text MEDIUMTEXT;
