-- An instance claims a pending e-mail before sending it, so that several instances never send
-- the same one; a claim left by a crashed instance is given up after a while.
ALTER TABLE notification ADD COLUMN email_claimed_at TIMESTAMP NULL;
