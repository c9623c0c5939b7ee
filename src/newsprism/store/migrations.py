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
CREATE VIRTUAL TABLE documents_trigram USING fts5(
    title, text, content='documents', content_rowid='seq', tokenize='trigram'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    INSERT INTO documents_trigram(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_trigram(documents_trigram, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_trigram(documents_trigram, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    INSERT INTO documents_trigram(rowid, title, text) VALUES (new.seq, new.title, new.text);
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
]
