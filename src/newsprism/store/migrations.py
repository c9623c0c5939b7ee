"""Versioned schema migrations, each applied once, in its own transaction.

Append new migrations; never edit one that has shipped. Feature tables are
owned by the module that writes them (a corpus stage's tables by that stage)
but are declared here so the schema has one history. ``schema_migrations``
records which ran and when.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial schema", """
CREATE TABLE raw_blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB NOT NULL
);
CREATE TABLE inputs (
    locator     TEXT PRIMARY KEY,
    reader      TEXT,
    raw_sha256  TEXT,
    n_records   INTEGER NOT NULL DEFAULT 0,
    n_documents INTEGER NOT NULL DEFAULT 0,
    n_failures  INTEGER NOT NULL DEFAULT 0,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE TABLE documents (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    locator        TEXT NOT NULL,
    reader         TEXT NOT NULL,
    raw_sha256     TEXT NOT NULL REFERENCES raw_blobs(sha256),
    text_sha256    TEXT NOT NULL,
    text           TEXT NOT NULL,
    title          TEXT,
    published      TEXT,
    outlet         TEXT,
    author         TEXT,
    url            TEXT,
    site_name      TEXT,
    language       TEXT,
    meta           TEXT NOT NULL DEFAULT '{}',
    removed        TEXT NOT NULL DEFAULT '[]',
    extra          TEXT NOT NULL DEFAULT '{}',
    duplicate_of   TEXT REFERENCES documents(id),
    duplicate_kind TEXT,
    duplicate_score REAL,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX documents_text_sha ON documents(text_sha256);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_language ON documents(language);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE spans (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer         TEXT NOT NULL,
    label         TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    stage         TEXT NOT NULL,
    stage_version TEXT NOT NULL,
    score         REAL NOT NULL DEFAULT 1.0,
    attrs         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX spans_doc_layer ON spans(doc_id, layer);
CREATE INDEX spans_doc_stage ON spans(doc_id, stage);
CREATE TABLE stage_runs (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    stage       TEXT NOT NULL,
    version     TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'not_applicable')),
    n_spans     INTEGER NOT NULL DEFAULT 0,
    duration_ms REAL,
    ran_at      TEXT NOT NULL,
    PRIMARY KEY (doc_id, stage)
);
CREATE TABLE failures (
    id         INTEGER PRIMARY KEY,
    locator    TEXT NOT NULL,
    doc_id     TEXT NOT NULL DEFAULT '',
    stage      TEXT NOT NULL,
    code       TEXT NOT NULL,
    message    TEXT NOT NULL,
    raw_sha256 TEXT,
    at         TEXT NOT NULL,
    UNIQUE (locator, doc_id, stage)
);
CREATE TABLE minhashes (
    doc_id     TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    n_shingles INTEGER NOT NULL,
    signature  BLOB NOT NULL
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
-- Trigram index: substring search for scripts written without spaces
-- (Chinese, Japanese) and for Korean words with particles attached.
-- Filled only for those languages (see the triggers below).
CREATE VIRTUAL TABLE documents_trigram USING fts5(
    title, text, content='documents', content_rowid='seq', tokenize='trigram'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
-- The trigram index costs 4x the word index to build: only documents in
-- languages written without spaces between words (or not detected) go in.
CREATE TRIGGER documents_trigram_ai AFTER INSERT ON documents
WHEN new.language IS NULL OR new.language IN ('ko', 'ja', 'zh') BEGIN
    INSERT INTO documents_trigram(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_trigram_ad AFTER DELETE ON documents
WHEN old.language IS NULL OR old.language IN ('ko', 'ja', 'zh') BEGIN
    INSERT INTO documents_trigram(documents_trigram, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_trigram_au AFTER UPDATE OF title, text, language ON documents BEGIN
    INSERT INTO documents_trigram(documents_trigram, rowid, title, text)
        SELECT 'delete', old.seq, old.title, old.text
        WHERE old.language IS NULL OR old.language IN ('ko', 'ja', 'zh');
    INSERT INTO documents_trigram(rowid, title, text)
        SELECT new.seq, new.title, new.text
        WHERE new.language IS NULL OR new.language IN ('ko', 'ja', 'zh');
END;
"""),
    (2, "corpus stage runs", """
CREATE TABLE corpus_runs (
    stage       TEXT PRIMARY KEY,
    version     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    summary     TEXT NOT NULL DEFAULT '{}',
    doc_state   TEXT NOT NULL DEFAULT '{}',
    duration_ms REAL,
    ran_at      TEXT NOT NULL
);
"""),
    (3, "actors and actor mentions (corpus stage actors)", """
CREATE TABLE actors (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    type             TEXT NOT NULL,
    country          TEXT,
    affiliation      TEXT,
    state_affiliated INTEGER,
    source           TEXT NOT NULL CHECK (source IN ('registry', 'auto')),
    registry_version TEXT,
    mentions         INTEGER NOT NULL DEFAULT 0,
    documents        INTEGER NOT NULL DEFAULT 0,
    attributions     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    source   TEXT NOT NULL,
    n        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, alias)
);
CREATE TABLE actor_mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer     TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    actor_id  TEXT NOT NULL,
    raw_actor TEXT NOT NULL,
    match     TEXT
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc_id);
CREATE INDEX actor_aliases_alias ON actor_aliases(alias);
"""),
    (4, "claim groups (corpus stage reconcile)", """
CREATE TABLE claim_groups (
    id            TEXT PRIMARY KEY,
    subject       TEXT NOT NULL,
    label         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    value_kind    TEXT,
    n_claims      INTEGER NOT NULL,
    n_sources     INTEGER NOT NULL,
    n_origins     INTEGER NOT NULL,
    min_value     REAL,
    max_value     REAL,
    spread        REAL,
    disagreement  INTEGER NOT NULL DEFAULT 0,
    disputed      INTEGER NOT NULL DEFAULT 0,
    summary       TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE claim_group_members (
    group_id      TEXT NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    role          TEXT NOT NULL,
    source        TEXT NOT NULL,
    source_method TEXT NOT NULL,
    origin        TEXT NOT NULL,
    outlet        TEXT,
    published     TEXT,
    as_of         TEXT,
    as_of_resolved INTEGER NOT NULL DEFAULT 0,
    min_value     REAL,
    max_value     REAL,
    hedge         TEXT,
    increment     INTEGER NOT NULL DEFAULT 0,
    text          TEXT NOT NULL,
    attrs         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claim_group_members_group ON claim_group_members(group_id);
CREATE INDEX claim_group_members_doc ON claim_group_members(doc_id);
"""),
    (5, "framing, narratives and timeline (corpus stages framing, narratives, timeline)", """
CREATE TABLE framing_doc_terms (
    doc_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    outlet   TEXT NOT NULL,
    n_tokens INTEGER NOT NULL,
    terms    TEXT NOT NULL
);
CREATE TABLE framing_terms (
    scope     TEXT NOT NULL,
    grp       TEXT NOT NULL,
    term      TEXT NOT NULL,
    n_group   INTEGER NOT NULL,
    n_rest    INTEGER NOT NULL,
    log_odds  REAL NOT NULL,
    z         REAL NOT NULL,
    PRIMARY KEY (scope, grp, term)
);
CREATE TABLE framing_variants (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    referent    TEXT NOT NULL,
    variant     TEXT NOT NULL,
    connotation TEXT NOT NULL,
    quoted      INTEGER NOT NULL DEFAULT 0,
    language    TEXT,
    text        TEXT NOT NULL
);
CREATE INDEX framing_variants_doc ON framing_variants(doc_id);
CREATE INDEX framing_variants_referent ON framing_variants(referent);
CREATE TABLE framing_candidates (
    referent   TEXT NOT NULL,
    candidate  TEXT NOT NULL,
    contexts   INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    examples   TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (referent, candidate)
);
CREATE TABLE embeddings (
    text_sha256 TEXT NOT NULL,
    model       TEXT NOT NULL,
    dim         INTEGER NOT NULL,
    vector      BLOB NOT NULL,
    PRIMARY KEY (text_sha256, model)
) WITHOUT ROWID;
CREATE TABLE narratives (
    id         INTEGER PRIMARY KEY,
    label      TEXT NOT NULL,
    phrases    TEXT NOT NULL DEFAULT '[]',
    exemplars  TEXT NOT NULL DEFAULT '[]',
    size       INTEGER NOT NULL DEFAULT 0,
    cohesion   REAL,
    centroid   BLOB NOT NULL,
    model      TEXT NOT NULL
);
CREATE TABLE narrative_members (
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text_sha256  TEXT NOT NULL,
    narrative_id INTEGER,
    similarity   REAL,
    assigned     TEXT NOT NULL CHECK (assigned IN ('clustered', 'incremental', 'unassigned')),
    PRIMARY KEY (doc_id, start)
);
CREATE INDEX narrative_members_narrative ON narrative_members(narrative_id);
CREATE TABLE timeline_events (
    id              TEXT PRIMARY KEY,
    date            TEXT NOT NULL,
    granularity     TEXT,
    label           TEXT NOT NULL,
    n_sources       INTEGER NOT NULL,
    n_outlets       INTEGER NOT NULL,
    earliest_doc    TEXT,
    earliest_report TEXT,
    claim_subjects  TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX timeline_events_date ON timeline_events(date);
CREATE TABLE timeline_event_sources (
    event_id  TEXT NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    outlet    TEXT,
    published TEXT,
    time_text TEXT,
    text      TEXT NOT NULL
);
CREATE INDEX timeline_event_sources_event ON timeline_event_sources(event_id);
"""),
    (6, "web app read indexes (technique filter, per-outlet and per-language date order, failures by document)", """
CREATE INDEX IF NOT EXISTS spans_layer_label ON spans(layer, label, doc_id);
CREATE INDEX IF NOT EXISTS documents_outlet_published ON documents(outlet, published);
CREATE INDEX IF NOT EXISTS documents_language_published ON documents(language, published);
CREATE INDEX IF NOT EXISTS failures_doc ON failures(doc_id);
"""),
    (7, "normalised search index (lemmas, stems, CJK pieces) and stories (store/terms.py, store/stories.py)", """
-- Filled by the store at ingest (store/terms.py: the normal forms are computed in Python);
-- documents stored before this migration are indexed right after it runs.
CREATE VIRTUAL TABLE documents_terms USING fts5(raw, norm, tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_terms_ad AFTER DELETE ON documents BEGIN
    DELETE FROM documents_terms WHERE rowid = old.seq;
END;
CREATE TABLE stories (
    name        TEXT PRIMARY KEY,
    query       TEXT,
    doc_ids     TEXT NOT NULL DEFAULT '[]',
    description TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
"""),
    (8, "per-document actor mentions and compared person names (corpus stage actors, incremental)", """
-- actor_doc_mentions: each document's entity/attribution mentions as the actors stage reads them
-- (JSON), so a run reads spans only for changed documents. actor_person_names: every person name
-- the stage has compared with all the others; actor_person_matches: the ordered pairs among them
-- that are spellings of one name (voices.registry.same_person), so a run compares only new names;
-- actor_lookups: registry lookups of cluster names already made.
CREATE TABLE actor_doc_mentions (
    doc_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    mentions TEXT NOT NULL
);
CREATE TABLE actor_person_names (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE actor_person_matches (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
-- the registry actor a cluster's name resolves to ('' for none), per registry version
CREATE TABLE actor_lookups (
    registry TEXT NOT NULL,
    name     TEXT NOT NULL,
    fuzzy    INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (registry, name, fuzzy)
) WITHOUT ROWID;
"""),
    (9, "per-document claim group members (corpus stage reconcile, incremental)", """
-- Each document's claims as reconcile reads them (JSON), with the document fields they were read with
-- (key), so a run reads the spans of changed documents only.
CREATE TABLE reconcile_doc_members (
    doc_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    key     TEXT NOT NULL,
    members TEXT NOT NULL
);
"""),
]
