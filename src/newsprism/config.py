"""One place for every setting.

``SETTINGS`` is the only table of settings: the CLI builds its options and
``newsprism settings`` its listing from it, and a docs test checks that
docs/cli.md names each one. A value comes from, in order of precedence: a CLI
option, the environment variable, the default here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable

from .errors import ConfigError

DEFAULT_LANGUAGES = ("en", "ru", "uk", "ko", "ja", "zh", "de", "fr", "es", "it", "ar")


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str
    parse: Callable[[str], Any] = str
    secret: bool = False       # `newsprism settings` shows only whether it is set


def _parse_languages(value: str) -> tuple[str, ...]:
    langs = tuple(x.strip().lower() for x in value.split(",") if x.strip())
    if not langs:
        raise ValueError("give at least one ISO 639-1 code, e.g. en,ru,ko")
    return langs


def _parse_bool(value: str) -> bool:
    v = value.strip().lower()
    if v in {"1", "true", "yes", "on"}:
        return True
    if v in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("use true or false")


def _not_zero(value: str) -> bool:
    return value.strip() != "0"


TECHNIQUES_MODELS = ("fast", "accurate")


def _parse_techniques_model(value: str) -> str:
    v = value.strip().lower()
    if v not in TECHNIQUES_MODELS:
        raise ValueError(f"use one of {', '.join(TECHNIQUES_MODELS)}")
    return v


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "newsprism.db", "NEWSPRISM_DB", "SQLite database file of the store."),
    Setting("languages", DEFAULT_LANGUAGES, "NEWSPRISM_LANGUAGES",
            "Languages the detector chooses among (comma-separated ISO 639-1 codes).",
            _parse_languages),
    Setting("max_bytes", 64 * 1024 * 1024, "NEWSPRISM_MAX_BYTES",
            "Largest input (file, record or download) accepted, in bytes.", int),
    Setting("max_text_chars", 2_000_000, "NEWSPRISM_MAX_TEXT_CHARS",
            "Clean text longer than this is truncated (the raw input is kept whole).", int),
    Setting("fetch_timeout", 20.0, "NEWSPRISM_FETCH_TIMEOUT", "Seconds before a URL fetch gives up.", float),
    Setting("user_agent", "newsprism/0.1 (+https://github.com/newsprism/newsprism; research crawler)",
            "NEWSPRISM_USER_AGENT", "User-Agent header sent when fetching URLs."),
    Setting("allow_private_addresses", False, "NEWSPRISM_ALLOW_PRIVATE_ADDRESSES",
            "Allow fetching from private, loopback and link-local addresses.", _parse_bool),
    Setting("workers", os.cpu_count() or 1, "NEWSPRISM_WORKERS",
            "Processes for document stages: the machine's cores unless told otherwise (1 = in-process; "
            "fewer than 8 stale documents always run in-process).", int),
    Setting("scheduler", "local", "NEWSPRISM_SCHEDULER",
            "Where document stages run: local (in-process or a process pool of `workers`), "
            "dask (a local Dask cluster of `workers` processes), or tcp://HOST:PORT "
            "(an existing dask.distributed scheduler)."),
    Setting("near_duplicate_threshold", 0.7, "NEWSPRISM_NEAR_DUP_THRESHOLD",
            "Share of the smaller text's word 3-grams found in the other above which two texts of"
            " 300+ words are near-duplicates (shorter texts need up to 0.9; see docs/duplicates.md).",
            float),
    Setting("actors", "", "NEWSPRISM_ACTORS",
            "Extra actor registry files or folders (several separated by `:`), added to the packaged registry "
            "(docs/voices.md); the entities stage's version includes them, so a change re-runs it."),
    Setting("cue_tagger", True, "NEWSPRISM_CUE_TAGGER",
            "Use the shipped speech-cue tagger in the attributions stage; 0 switches it off (the cue model "
            "then runs alone with its own thresholds).", _not_zero),
    Setting("techniques_model", "fast", "NEWSPRISM_TECHNIQUES_MODEL",
            "Propaganda-technique model of the techniques stage: fast (linear models) or accurate (a fine-tuned"
            " MiniLM run with onnxruntime; docs/techniques.md); the stage's version names it, so a switch re-runs"
            " the stage.", _parse_techniques_model),
    Setting("write_token", "", "NEWSPRISM_WRITE_TOKEN",
            "Token that turns on the web app's one write action (POST /api/ingest); empty = read-only "
            "(docs/web.md).", secret=True),
    Setting("web_db", "", "NEWSPRISM_WEB_DB",
            "Store the web app serves when started as `uvicorn --factory newsprism.web.app:app_from_env`."),
    Setting("outlets_file", "", "NEWSPRISM_OUTLETS_FILE",
            "A JSON outlet registry (same shape as resources/outlets.json: domain -> name, aliases in any "
            "script, country, state_affiliated) merged over the built-in one; empty for none."),
    Setting("claims_case", "", "NEWSPRISM_CLAIMS_CASE",
            "A claims case file (docs/claims.md: JSON that names, merges or splits discovered claim groups), or"
            " the name of a built-in one (kursk); empty for none: groups are discovered without it."),
    Setting("framing_case", "", "NEWSPRISM_FRAMING_CASE",
            "A framing case file (docs/framing.md: JSON naming a story's referents and each language's competing"
            " terms for them), or the name of a built-in one (kursk); empty for none: the framing stage then finds"
            " over-used terms only."),
    Setting("framing_lexicon", "", "NEWSPRISM_FRAMING_LEXICON",
            "Extra framing lexicon files (comma-separated JSON paths, the case file's shape) merged over the"
            " framing case file by referent id (docs/framing.md); their digest is part of the framing stage's"
            " version, so a change re-runs it."),
    Setting("stage_deadline", 300.0, "NEWSPRISM_STAGE_DEADLINE",
            "Wall-clock seconds one per-document stage (cleaning, each analysis stage) may take on one"
            " document; past it that document fails that stage and the run goes on (0 = no bound).",
            float),
    Setting("writer_wait", 0.0, "NEWSPRISM_WRITER_WAIT",
            "Seconds a writing command (ingest, analyze, run) waits for another writer of the same"
            " store to finish before refusing; 0 refuses at once, naming the holder.", float),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    db: str = _BY_NAME["db"].default
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_bytes: int = _BY_NAME["max_bytes"].default
    max_text_chars: int = _BY_NAME["max_text_chars"].default
    fetch_timeout: float = _BY_NAME["fetch_timeout"].default
    user_agent: str = _BY_NAME["user_agent"].default
    allow_private_addresses: bool = False
    workers: int = _BY_NAME["workers"].default
    scheduler: str = "local"
    near_duplicate_threshold: float = _BY_NAME["near_duplicate_threshold"].default
    actors: str = ""
    cue_tagger: bool = True
    techniques_model: str = "fast"
    write_token: str = field(default="", repr=False)
    web_db: str = ""
    outlets_file: str = ""
    claims_case: str = ""
    framing_case: str = ""
    framing_lexicon: str = ""
    stage_deadline: float = _BY_NAME["stage_deadline"].default
    writer_wait: float = _BY_NAME["writer_wait"].default
    extra: dict = field(default_factory=dict, compare=False)

    def with_overrides(self, **overrides: Any) -> "Settings":
        """A copy with the given non-None values set (CLI options pass None when absent)."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - set(_BY_NAME)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        settings = replace(self, **clean)
        _validate(settings)
        return settings


def load_settings(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then environment variables, then explicit overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for s in SETTINGS:
        raw = environ.get(s.env)
        if raw is None:
            continue
        try:
            values[s.name] = s.parse(raw)
        except ValueError as exc:
            raise ConfigError(f"{s.env}={raw!r} is not valid for {s.name}: {exc}") from None
    return Settings(**values).with_overrides(**overrides)


def setting_value(name: str, environ: dict[str, str] | None = None) -> Any:
    """One setting from the environment (else its default), read now: for code that runs
    outside a command's settings (the actor registry, the cue tagger, the web app factory)."""
    s = _BY_NAME[name]
    raw = (os.environ if environ is None else environ).get(s.env)
    if raw is None:
        return s.default
    try:
        return s.parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{s.env}={raw!r} is not valid for {name}: {exc}") from None


def _validate(s: Settings) -> None:
    if s.max_bytes <= 0 or s.max_text_chars <= 0:
        raise ConfigError("max_bytes and max_text_chars must be positive")
    if s.workers < 1:
        raise ConfigError("workers must be 1 or more")
    if s.scheduler not in ("local", "dask") and not s.scheduler.startswith(("tcp://", "tls://")):
        raise ConfigError(f"scheduler {s.scheduler!r} is not local, dask or tcp://HOST:PORT")
    if s.stage_deadline < 0 or s.writer_wait < 0 or s.fetch_timeout <= 0:
        raise ConfigError("stage_deadline and writer_wait must be 0 or more, fetch_timeout positive")
    if not 0.0 < s.near_duplicate_threshold <= 1.0:
        raise ConfigError("near_duplicate_threshold must be in (0, 1]")
    if s.techniques_model not in TECHNIQUES_MODELS:
        raise ConfigError(f"techniques_model {s.techniques_model!r} is not one of {', '.join(TECHNIQUES_MODELS)}")


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings) if f.name != "extra"]
