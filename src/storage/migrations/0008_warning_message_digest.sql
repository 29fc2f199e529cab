-- A digest of a warning's two messages (core::MessageDigest), so that the daily sweep can tell whether today's
-- message is the stored one without reading both texts of every open warning (a third of what it read). 0 for
-- warnings stored before: their first sweep finds the digest different and writes it with the message.
ALTER TABLE warnings ADD COLUMN message_digest BIGINT NOT NULL DEFAULT 0;
