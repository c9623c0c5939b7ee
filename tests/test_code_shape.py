"""The attribution package stays in small pieces: no module over 600 lines, no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "voices" / "attributions"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MODULES = sorted(PACKAGE.glob("*.py"))


def _too_long_functions(source: str) -> list[str]:
    """``name (lines)`` of each function or method, nested ones too, longer than ``MAX_FUNCTION_LINES`` (its
    decorators and docstring included)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            length = node.end_lineno - first + 1
            if length > MAX_FUNCTION_LINES:
                out.append(f"{node.name} ({length} lines)")
    return out


def test_the_package_is_there():
    assert (PACKAGE / "__init__.py").is_file() and len(MODULES) > 5


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_and_function_sizes(path):
    source = path.read_text(encoding="utf-8")
    lines = len(source.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.name} has {lines} lines (at most {MAX_MODULE_LINES})"
    assert not _too_long_functions(source), f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: " \
                                            f"{_too_long_functions(source)}"


def test_the_checks_can_fail():
    body = "\n".join(f"    x{k} = {k}" for k in range(MAX_FUNCTION_LINES))
    assert _too_long_functions(f"def long():\n{body}\n") == [f"long ({MAX_FUNCTION_LINES + 1} lines)"]
    assert _too_long_functions("def short():\n    return 1\n") == []
