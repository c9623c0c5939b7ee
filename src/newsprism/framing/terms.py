"""Term counts and the over-use statistic: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5. For a term w, a
group g (one outlet, or state-affiliated outlets, ...) and the rest r of the
coverage, with prior pseudo-counts a_w = a0 * y_w / N taken from the whole
corpus (y_w the term's corpus count, N all tokens)::

    delta_w = log((y_gw + a_w) / (n_g + a0 - y_gw - a_w))
            - log((y_rw + a_w) / (n_r + a0 - y_rw - a_w))
    var(delta_w) ~= 1 / (y_gw + a_w) + 1 / (y_rw + a_w)
    z_w = delta_w / sqrt(var)

The prior shrinks rare terms towards the corpus rate, so a word used twice by a
five-article outlet does not top the list the way a raw ratio would; z ranks
terms by evidence, not only by size of the difference. |z| > 1.96 is the
conventional cut. Terms are unigrams, bigrams and trigrams whose first and last
tokens are not stopwords ("special military operation", not "of the").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

_WORD = re.compile(r"[^\W\d_](?:[\w]|[-'’](?=\w))*", re.UNICODE)

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
not of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say
s t one two also its it's mr ms per via upon within without among amid around since yet ever even still
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот
от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто
чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через
эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя
такой им более всегда конечно всю между это также заявил сообщил
그 이 저 것 수 등 및 또 또한 그리고 하지만 그러나 있다 없다 했다 한다 하는 있는 위해 대한 통해
""".split())


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters first; hyphen/apostrophe joins kept: "so-called", "kim's")."""
    return _WORD.findall(text.lower())


def term_counts(text: str, max_n: int = 3) -> Counter:
    """Counts of 1..max_n-grams whose edge tokens are not stopwords."""
    toks = tokens(text)
    out: Counter = Counter()
    stop = [t in STOPWORDS or len(t) < 2 for t in toks]
    for i, t in enumerate(toks):
        if stop[i]:
            continue
        out[t] += 1
        for n in range(2, max_n + 1):
            j = i + n - 1
            if j < len(toks) and not stop[j]:
                out[" ".join(toks[i:j + 1])] += 1
    return out


def log_odds(group: Mapping[str, int], rest: Mapping[str, int], prior: Mapping[str, int], *,
             alpha0: float = 1000.0, min_count: int = 2, min_z: float = 1.96,
             top: int = 50) -> list[dict]:
    """Terms the group over-uses relative to the rest, by z of the prior-smoothed log-odds ratio.

    ``prior`` holds corpus counts (usually group + rest); ``alpha0`` is the prior's total
    weight. Returns dicts (term, n_group, n_rest, log_odds, z), highest z first.
    """
    n_g, n_r, n_p = sum(group.values()), sum(rest.values()), sum(prior.values())
    if not n_g or not n_r or not n_p:
        return []
    out = []
    for w, y_g in group.items():
        if y_g < min_count:
            continue
        a_w = alpha0 * prior.get(w, y_g) / n_p
        y_r = rest.get(w, 0)
        d = (math.log((y_g + a_w) / (n_g + alpha0 - y_g - a_w))
             - math.log((y_r + a_w) / (n_r + alpha0 - y_r - a_w)))
        z = d / math.sqrt(1.0 / (y_g + a_w) + 1.0 / (y_r + a_w))
        if z >= min_z:
            out.append({"term": w, "n_group": y_g, "n_rest": y_r, "log_odds": round(d, 4), "z": round(z, 3)})
    out.sort(key=lambda r: (-r["z"], r["term"]))
    return _drop_nested(out[:top * 4])[:top]


def _drop_nested(rows: list[dict]) -> list[dict]:
    """Keep "special military operation" and drop "military operation" when it adds nothing."""
    kept: list[dict] = []
    longer: dict[str, int] = {}
    for r in sorted(rows, key=lambda r: -len(r["term"].split())):
        t = r["term"]
        if any(f" {t} " in f" {k} " and r["n_group"] <= n for k, n in longer.items()):
            continue
        longer[t] = r["n_group"]
        kept.append(r)
    kept.sort(key=lambda r: (-r["z"], r["term"]))
    return kept


def add_counts(total: Counter, parts: Iterable[Mapping[str, int]]) -> Counter:
    for p in parts:
        total.update(p)
    return total
