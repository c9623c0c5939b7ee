"""Every language pack implements the interface the generic pack declares."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from newsprism import languages
from newsprism.languages import pack


def _modules(path: str) -> dict[str, object]:
    pkg = importlib.import_module(path)
    return {m.name: importlib.import_module(f"{path}.{m.name}")
            for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_")}


def _public(module) -> dict[str, object]:
    return {k: v for k, v in vars(module).items() if not k.startswith("_") and (
            k.isupper() or (callable(v) and not k.startswith("_") and getattr(v, "__module__", None) == module.__name__))}


@pytest.mark.parametrize("code", languages.languages())
def test_pack_concerns_are_declared_by_generic(code):
    generic = _modules(languages.PACKS["generic"])
    for concern, module in _modules(languages.PACKS[code]).items():
        assert concern in generic, f"{code}.{concern}: generic declares no such concern"
        declared = _public(generic[concern])
        for name, value in _public(module).items():
            assert name in declared, f"{code}.{concern}.{name} is not in generic.{concern} (the interface)"
            base = declared[name]
            if callable(base):
                assert callable(value), f"{code}.{concern}.{name} must be callable like generic's"
            else:
                assert isinstance(value, type(base)) or isinstance(base, type(value)), \
                    f"{code}.{concern}.{name} is {type(value).__name__}, generic's is {type(base).__name__}"


def test_unknown_language_falls_back_to_generic():
    p = pack("xx")
    assert p.is_generic and not p.has("speech")
    for concern in languages.concerns():
        module = importlib.import_module(f"{languages.PACKS['generic']}.{concern}")
        for name in _public(module):
            getattr(getattr(p, concern), name)
    assert pack(None).code == "generic"
    assert pack("EN-us").code == "en"


def test_missing_name_is_a_clear_error():
    with pytest.raises(AttributeError, match="no language concern"):
        pack("en").no_such_concern


def test_register_pack_is_reached():
    languages.register_pack("zz", languages.PACKS["generic"])
    try:
        assert "zz" in languages.languages() and pack("zz").code == "zz"
    finally:
        languages.PACKS.pop("zz")
        pack.cache_clear()
