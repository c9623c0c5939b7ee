"""A group is flagged disputed only when a dispute stands against something the group holds."""
from newsprism.claims.reconcile import summarise


def _member(role, source, origin):
    return {"role": role, "source": source, "origin": origin, "subject": "statement:x", "text": "…",
            "as_of": None, "min_value": None, "max_value": None, "vague": False, "increment": False,
            "source_method": "attribution", "via": [], "outlet": None, "doc_id": "d1"}


def test_a_lone_denial_is_listed_not_flagged():
    g = {"subject": "statement:doc:10", "members": [_member("dispute", "Kim Jong Un", "kim")]}
    summarise(g)
    assert g["disputed"] is False and g["n_claims"] == 1


def test_a_denial_against_an_assertion_is_flagged():
    g = {"subject": "kursk-liberated", "members": [_member("assertion", "TASS", "tass"),
                                                   _member("dispute", "Ukraine", "ukraine")]}
    summarise(g)
    assert g["disputed"] is True and g["n_origins"] == 1
