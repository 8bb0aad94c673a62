-- Limits are in characters (code points); H2 counts UTF-16 units, so leave room for two per character.
ALTER TABLE support_case ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE support_case ALTER COLUMN contact_name SET DATA TYPE VARCHAR(8000);
ALTER TABLE organization ALTER COLUMN name SET DATA TYPE VARCHAR(400);
