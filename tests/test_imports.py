"""The package layering: no import cycle between newsprism's top-level packages, and the
engine, the runners and the stage contracts import no feature.

Every import in src/newsprism is read with ``ast`` (module level and inside functions alike) and
folded to package granularity: ``newsprism.voices.query`` importing ``newsprism.store.sqlite`` is
the edge voices -> store. A package importing its own children is no edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "newsprism"
FEATURES = {"text", "voices", "claims", "techniques", "framing"}
# Modules that must stay feature-free: the engine, the runners and the contracts features build on.
CORE = ("newsprism.engine", "newsprism.analyze.stage", "newsprism.corpus.stage", "newsprism.corpus.runner",
        "newsprism.plugins", "newsprism.features", "newsprism.pipeline", "newsprism.store", "newsprism.model")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Absolute names of the newsprism modules ``path`` imports (relative imports resolved)."""
    mod = module_name(path)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "newsprism")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "newsprism":
                continue
            out.add(target)
            # `from . import voices` names a submodule: keep the finer name when it is one
            for a in node.names:
                sub = f"{target}.{a.name}"
                if (SRC / Path(*sub.split("."))).with_suffix(".py").exists() or (SRC / Path(*sub.split("."))).is_dir():
                    out.add(sub)
    return out


def top(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


# On their way into newsprism.voices.attributions (a separate change): until they arrive their
# edges are left out, since analyze/__init__ still imports them to register the stage.
MOVING: tuple[str, ...] = ()


def module_graph() -> dict[str, set[str]]:
    return {module_name(p): {t for t in imports_of(p) if t not in MOVING}
            for p in ROOT.rglob("*.py") if module_name(p) not in MOVING}


def package_graph() -> dict[str, set[str]]:
    g: dict[str, set[str]] = {}
    for mod, targets in module_graph().items():
        src = top(mod)
        if not src:
            continue
        for t in targets:
            dst = top(t)
            if dst and dst != src:
                g.setdefault(src, set()).add(dst)
    return g


def find_cycle(g: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``g`` as a path [a, b, ..., a], or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(g.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (c := visit(m)):
                return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(g):
        if n not in state and (c := visit(n)):
            return c
    return None


def test_finds_a_planted_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_relative_imports_resolve():
    g = module_graph()
    assert "newsprism.store" in g["newsprism.voices.query"]
    assert "newsprism.analyze.stage" in g["newsprism.text.sentences"]


def test_no_cycle_between_packages():
    cycle = find_cycle(package_graph())
    assert cycle is None, "import cycle between packages: " + " -> ".join(cycle or [])


@pytest.mark.parametrize("core", CORE)
def test_core_imports_no_feature(core):
    for mod, targets in module_graph().items():
        if mod == core or mod.startswith(core + "."):
            bad = sorted(t for t in targets if top(t) in FEATURES)
            assert not bad, f"{mod} imports feature code: {bad}"
