-- Trigram matching for finding people by part of a name. pg_trgm ships with PostgreSQL's
-- contrib package (Debian's postgresql package includes it) and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
