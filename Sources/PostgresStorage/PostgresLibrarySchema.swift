/// The best-practice library's part of the PostgreSQL schema: case studies with a full-text
/// index that searches them as SQLite's FTS5 index does.
///
/// The text search configuration `library_text` is chosen to find what `SQLiteStore` finds
/// (FTS5's `porter unicode61 remove_diacritics 2`):
/// - English stemming (Snowball's English stemmer, FTS5's is Porter's), so "apprenticeship" finds
///   "Apprenticeships";
/// - no stop words, as FTS5 has none: "not", "or" and "the" are words like any other;
/// - accents removed by the `unaccent` dictionary, which Debian's PostgreSQL ships with the server
///   and a database owner may install (a trusted extension), so "binh duong" finds "Bình Dương";
///   it also folds a few letters FTS5 keeps (đ, ł, ø, ß, æ, œ), so "lodz" finds "Łódź" here only;
/// - hyphenated words indexed as their parts only, as FTS5 splits them: "co-operative" is "co"
///   and "operative", the parts a query can name.
///
/// Each column carries the weight class of its FTS5 column weight (`LibrarySchema.columnWeights`):
/// title A, community's name B, summary C, body D, ranked with the weights 1, 0.6, 0.4, 0.1 — the
/// same 10 : 6 : 4 : 1.
enum PostgresLibrarySchema {
    /// The weights of the classes D, C, B and A, in the order `ts_rank` takes them.
    static let rankWeights = "{0.1, 0.4, 0.6, 1.0}"

    static let migration = PostgresSchema.Migration(version: 2, name: "library", statements: [
        // The extension lives in `public`, outside every store's schema, so that dropping one
        // schema never drops the dictionary another schema's index uses; concurrent migrators of
        // different schemas take turns to install it.
        """
            SELECT pg_advisory_xact_lock(hashtext('civic: unaccent'))
            """,
        """
            CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public
            """,
        """
            CREATE TEXT SEARCH DICTIONARY library_stem (TEMPLATE = snowball, LANGUAGE = english)
            """,
        """
            CREATE TEXT SEARCH CONFIGURATION library_text (COPY = pg_catalog.english)
            """,
        """
            ALTER TEXT SEARCH CONFIGURATION library_text DROP MAPPING FOR asciihword, hword, numhword
            """,
        // The dictionary is found wherever the extension was installed (an administrator may have
        // put it in another schema before); `regdictionary` prints its name quoted and qualified.
        """
            DO $$
            DECLARE
                unaccent regdictionary := (
                    SELECT d.oid FROM pg_ts_dict d JOIN pg_extension e ON e.extnamespace = d.dictnamespace
                    WHERE e.extname = 'unaccent' AND d.dictname = 'unaccent');
            BEGIN
                EXECUTE format(
                    'ALTER TEXT SEARCH CONFIGURATION library_text ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH %s, library_stem',
                    unaccent);
                EXECUTE format('ALTER TEXT SEARCH CONFIGURATION library_text ALTER MAPPING FOR numword, hword_numpart WITH %s, simple', unaccent);
            END
            $$
            """,
        // The index is a generated column: PostgreSQL recomputes it in the statement that
        // changes the row, so it cannot fall out of step with the text.
        """
            CREATE TABLE case_study (
                id TEXT PRIMARY KEY,
                community TEXT NOT NULL, community_name TEXT NOT NULL, country TEXT NOT NULL,
                state TEXT NOT NULL, year BIGINT NOT NULL, factors TEXT[] NOT NULL,
                title TEXT NOT NULL, summary TEXT NOT NULL, prose TEXT NOT NULL, body TEXT NOT NULL,
                search tsvector NOT NULL GENERATED ALWAYS AS (
                    setweight(to_tsvector('library_text', title), 'A')
                    || setweight(to_tsvector('library_text', community_name), 'B')
                    || setweight(to_tsvector('library_text', summary), 'C')
                    || setweight(to_tsvector('library_text', prose), 'D')) STORED)
            """,
        """
            CREATE INDEX case_study_search ON case_study USING GIN (search)
            """,
        """
            CREATE INDEX case_study_factors ON case_study USING GIN (factors)
            """,
        """
            CREATE INDEX case_study_listing ON case_study (state, year DESC, lower(title COLLATE "C"))
            """,
        """
            CREATE INDEX case_study_community ON case_study (community)
            """,
        // A query's words become a tsquery here, from array parameters: each word is normalised
        // by `library_text` (accents, stem) into lexemes, each lexeme quoted as the tsquery
        // syntax requires (quotes and backslashes doubled) and marked as a prefix when asked.
        // The reader's text is never SQL, nor tsquery syntax. To match, every word is required,
        // and a word that leaves no lexeme (a character PostgreSQL does not index) cannot be
        // found, so the query finds nothing; to mark the words in a passage, any word will do,
        // as FTS5's snippets mark every word they find in a column.
        """
            CREATE FUNCTION library_tsquery(words TEXT[], prefixes BOOLEAN[], any_word BOOLEAN) RETURNS tsquery
                LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
            DECLARE
                result tsquery;
                term tsquery;
            BEGIN
                FOR i IN 1 .. coalesce(cardinality(words), 0) LOOP
                    SELECT string_agg(
                            '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
                                || CASE WHEN prefixes[i] THEN ':*' ELSE '' END,
                            ' & ')::tsquery
                        INTO term
                        FROM unnest(tsvector_to_array(to_tsvector('library_text', words[i]))) AS lexeme;
                    IF term IS NULL THEN
                        IF NOT any_word THEN
                            RETURN NULL;
                        END IF;
                    ELSIF result IS NULL THEN
                        result := term;
                    ELSIF any_word THEN
                        result := result || term;
                    ELSE
                        result := result && term;
                    END IF;
                END LOOP;
                RETURN result;
            END
            $$
            """,
    ])
}
