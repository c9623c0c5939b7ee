"""The public extension points: readers, stages, report sections, web pages, export tables, commands.

Built-in features register here exactly as a third-party package would, through
``register_*`` or the entry-point groups below. The built-ins are the modules
named in ``newsprism.features.BUILTIN_FEATURES``; importing one registers it.

=============================  =====================================  =================================
extension point                register with                          entry-point group (object named)
=============================  =====================================  =================================
reader                         ``register_reader(reader)``            ``newsprism.readers`` (Reader)
document stage                 ``register_stage`` / ``@document_stage``  ``newsprism.stages`` (Stage)
corpus stage                   ``register_corpus_stage`` / ``@corpus_stage``  ``newsprism.corpus_stages``
exporter (``export --format``)  ``register_exporter(exporter)``        ``newsprism.exporters``
corpus export tables           ``register_corpus_tables(tables)``     ``newsprism.corpus_tables``
report section                 ``register_report_section(section)``   ``newsprism.report_sections``
web pages and API routes       ``register_web_routes(setup)``         ``newsprism.web_routes``
CLI command                    ``register_cli_command(cmd, group)``   ``newsprism.cli_commands``
a whole feature (a module)     importing it registers its parts       ``newsprism.features`` (module)
=============================  =====================================  =================================

Report sections and corpus tables keep registration order unless they say
``before=``/``after=`` another one (by key or table name), as spaCy's ``add_pipe`` does.
This module imports no feature and nothing heavy: the web and report parts are
called only by the web app and the report.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Callable, Iterable

_READERS: dict[str, Any] = {}
_STAGES: dict[str, Any] = {}
_EXPORTERS: dict[str, Any] = {}
_CORPUS_STAGES: dict[str, Any] = {}
_REPORT_SECTIONS: dict[str, "ReportSection"] = {}
_CORPUS_TABLES: dict[str, "CorpusTables"] = {}
_WEB_ROUTES: list[Callable[[], Any]] = []
_CLI_COMMANDS: list[tuple[Any, str | None]] = []
_loaded = False


@dataclass(frozen=True)
class ReportSection:
    """One corpus section of the HTML report.

    ``build(store, link)`` returns the section's plain values (a ``report.sections.Section``);
    ``template`` is a Jinja2 file that renders them: it sees ``sec`` (the built section), ``key``,
    ``m`` (the report's chart macros) and imports ``sections.html.j2`` for the shared ones.
    """

    key: str
    heading: str
    build: Callable[..., Any]
    template: str
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class CorpusTables:
    """Corpus tables of the export: ``columns`` per table (``export.records.Column``) and
    ``rows(store) -> {table: [row, ...]}``; ``stage`` is the corpus stage they come from
    (its status goes to the export summary)."""

    columns: dict[str, tuple]
    rows: Callable[[Any], dict[str, list[dict]]]
    stage: str | None = None
    before: str | None = None
    after: str | None = None

    @property
    def name(self) -> str:
        return next(iter(self.columns))


def register_reader(reader: Any) -> Any:
    _READERS[reader.name] = reader
    return reader


def register_stage(stage: Any) -> Any:
    _STAGES[stage.name] = stage
    return stage


def register_corpus_stage(stage: Any) -> Any:
    _CORPUS_STAGES[stage.name] = stage
    return stage


def register_exporter(exporter: Any) -> Any:
    """An object with ``name`` and ``write(store, out_path) -> dict``: ``newsprism export --format NAME``."""
    _EXPORTERS[exporter.name] = exporter
    return exporter


def register_report_section(section: ReportSection) -> ReportSection:
    _REPORT_SECTIONS[section.key] = section
    return section


def register_corpus_tables(tables: CorpusTables) -> CorpusTables:
    _CORPUS_TABLES[tables.name] = tables
    return tables


def register_web_routes(setup: Callable[[], Any]) -> Callable[[], Any]:
    """``setup()`` returns a ``web.extension.WebFeature`` (routers, nav entries, templates);
    it is called when an app is built, so the CLI never imports the web framework."""
    if setup not in _WEB_ROUTES:
        _WEB_ROUTES.append(setup)
    return setup


def register_cli_command(command: Any, group: str | None = None) -> Any:
    """A click command, top level or in a group (``train``, ``eval``)."""
    if all(c is not command for c, _ in _CLI_COMMANDS):
        _CLI_COMMANDS.append((command, group))
    return command


_GROUPS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("newsprism.readers", register_reader), ("newsprism.stages", register_stage),
    ("newsprism.corpus_stages", register_corpus_stage), ("newsprism.exporters", register_exporter),
    ("newsprism.corpus_tables", register_corpus_tables), ("newsprism.report_sections", register_report_section),
    ("newsprism.web_routes", register_web_routes), ("newsprism.cli_commands", register_cli_command))


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    from .features import BUILTIN_FEATURES
    for name in BUILTIN_FEATURES:
        importlib.import_module(name)
    for ep in metadata.entry_points(group="newsprism.features"):
        ep.load()
    for group, register in _GROUPS:
        for ep in metadata.entry_points(group=group):
            register(ep.load())


def ordered(items: Iterable[Any], key: Callable[[Any], str]) -> list[Any]:
    """Registration order, then each item that names ``before``/``after`` moved next to that one."""
    out = list(items)
    for item in list(out):
        anchor = item.before or item.after
        names = [key(x) for x in out]
        if not anchor or anchor not in names:
            continue
        out.remove(item)
        i = [key(x) for x in out].index(anchor)
        out.insert(i if item.before else i + 1, item)
    return out


def readers() -> dict[str, Any]:
    _load()
    return dict(_READERS)


def stages() -> dict[str, Any]:
    _load()
    return dict(_STAGES)


def corpus_stages() -> dict[str, Any]:
    _load()
    return dict(_CORPUS_STAGES)


def exporters() -> dict[str, Any]:
    _load()
    return dict(_EXPORTERS)


def report_sections() -> list[ReportSection]:
    _load()
    return ordered(_REPORT_SECTIONS.values(), lambda s: s.key)


def corpus_tables() -> list[CorpusTables]:
    _load()
    return ordered(_CORPUS_TABLES.values(), lambda t: t.name)


def web_routes() -> list[Any]:
    """Each registered web feature, set up now (imports the web framework)."""
    _load()
    return [setup() for setup in _WEB_ROUTES]


def cli_commands() -> list[tuple[Any, str | None]]:
    _load()
    return list(_CLI_COMMANDS)


def on_load(fn: Callable[[], None]) -> Callable[[], None]:  # pragma: no cover - hook for tests
    fn()
    return fn

