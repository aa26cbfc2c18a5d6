-- W3C Bitstring Status List: each credential holds one position of the platform's revocation
-- list (chosen at random, as the specification advises, so that a position says nothing about
-- when the credential was issued); the unique key keeps two credentials off one position.
ALTER TABLE credential ADD COLUMN status_index INT NULL;
ALTER TABLE credential ADD CONSTRAINT uq_credential_status_index UNIQUE (status_index);
