-- A lesson may be completed by passing its graded lab (the labs module reports the score) instead
-- of being marked done: pass_score is the minimum score out of 100; the progress row keeps the score.
ALTER TABLE lesson ADD COLUMN pass_score DECIMAL(5, 2);
ALTER TABLE lesson_progress ADD COLUMN score DECIMAL(5, 2);
