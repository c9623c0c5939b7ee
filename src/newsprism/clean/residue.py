"""Page residue in scraped text: menus, teasers, repeated captions, subscribe prompts.

Rules look at line *shape* (length, end punctuation), *repetition* within the
document, *position* (before the first or after the last body paragraph) and the
phrase classes of the language packs (``languages/<code>/residue.py``). No rule
removes a body paragraph: every rule is limited to short lines, to lines that
repeat, or to exact patterns (a date alone on a line, "Write to X at x@y.com").

Rules run in order; each only looks at lines no earlier rule removed:

    phrases      subscribe/share/cookie/navigation/copyright/caption prompts (short lines)
    bylines      "By X", "Write to X at x@y", short lines holding an e-mail address
    date lines   a line that is only a date ("Saturday, December 6, 2025")
    repeats      a short caption-shaped line seen 3+ times: all copies; 2 times: the later
    dup titles   a title repeated with a glued tag ("NorthKoreaNorth Korea Shows ...")
    teasers      runs of (headline, blurb) pairs where blurbs are cut with "..."
    edges        3+ menu-like lines before the first body paragraph; after the last one,
                 label fragments ("topics") and lists of 2+ headlines

Each removed line is reported as ``{"text": line, "reason": rule reason}`` so an
analyst can audit what went, and metadata inference can read bylines and date lines.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

from ..languages import PACKS, pack
from .metadata import parse_date_line, split_label

Marks = dict[int, str]  # line index -> reason

_SENT_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
_END_MARKER = re.compile(r"\s*-0-\s*$")
_TRUNCATED = re.compile(r"(\.\.\.|…)[\"'”’»)\]]*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _residue_packs() -> list:
    """The residue concern of generic and of every pack that has one: a page's widgets are
    often in another language than its article, and the language is detected after
    cleaning, so every pack's phrases apply to every text (see languages/generic/residue.py)."""
    return [pack(code).residue for code in PACKS if code == "generic" or pack(code).has("residue")]


def _gathered(name: str) -> list:
    """A list-valued residue name of every pack, concatenated (generic's first)."""
    out: list = []
    for concern in _residue_packs():
        out += [x for x in getattr(concern, name) if x not in out]
    return out


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[str, int, re.Pattern]]:
    """(reason, max words, compiled pattern) per category, in generic's category order."""
    limits = pack("generic").residue.CATEGORY_MAX_WORDS
    out = []
    for reason, max_words in limits.items():
        pats = _category(reason)
        if pats:
            out.append((reason, max_words, re.compile("|".join(f"(?:{p})" for p in pats), re.I)))
    return out


def _category(reason: str) -> list[str]:
    pats: list[str] = []
    for concern in _residue_packs():
        pats += [p for p in concern.PHRASES.get(reason, ()) if p not in pats]
    return pats


@lru_cache(maxsize=1)
def _any_phrase() -> tuple[re.Pattern, re.Pattern, tuple[str, ...], int]:
    """A prefilter: all line-start patterns in one ``match`` (fails at the first character
    for most lines) and the few floating ones in one ``search``; then the max line length."""
    pats = [p for reason in pack("generic").residue.CATEGORY_MAX_WORDS for p in _category(reason)]
    start = "|".join(f"(?:{p[1:]})" for p in pats if p.startswith("^"))
    floating = "|".join(f"(?:{p})" for p in pats if not p.startswith("^"))
    keywords = tuple(_gathered("FLOATING_KEYWORDS"))
    return re.compile(start, re.I), re.compile(floating, re.I), keywords, max(n for _, n, _ in _phrases())


@lru_cache(maxsize=1)
def _byline_patterns() -> tuple[re.Pattern | None, re.Pattern | None]:
    """(bylines of a short line, contact lines of any length) of every pack."""
    def one(name: str) -> re.Pattern | None:
        pats = _gathered(name)
        return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None
    return one("BYLINES"), one("CONTACT_LINES")


@lru_cache(maxsize=8192)
def _words(line: str) -> int:
    return len(line.split())


def _core(line: str) -> str:
    """The line without an agency end marker: KCNA closes every article with " -0-"."""
    return _END_MARKER.sub("", line)


def _is_body(line: str) -> bool:
    """A paragraph of article prose: a full sentence, or long enough to be one."""
    line = _core(line)
    n = _words(line)
    return n >= 25 or (n >= 6 and bool(_SENT_END.search(line)))


def _is_title_like(line: str) -> bool:
    """A headline: a few capitalised words without a sentence's closing mark."""
    if _END_MARKER.search(line):
        return False  # the article's last line, never a headline
    n = _words(line)
    return (3 <= n <= 20 and len(line) <= 160 and not re.search(r"[.!,;:…]$", line)
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«"))


def _is_menu_item(line: str) -> bool:
    """A navigation label: at most four words, no sentence or clause ending."""
    if _END_MARKER.search(line):
        return False
    return _words(line) <= 4 and not re.search(r"[.!?,;\"”’»)]$", line)


def _caption_shaped(line: str) -> bool:
    """Short label-like line: repeated ones are captions, credits, widget titles."""
    return 2 <= _words(line) <= 15 and not re.search(r"[.!?,;:\"”’»]$", line)


def _open(lines: list[str], marks: Marks) -> list[int]:
    """Indices of non-blank lines no rule has claimed yet."""
    return [i for i, line in enumerate(lines) if line.strip() and i not in marks]


_PHRASE_REASONS = frozenset({"subscribe", "paywall", "share", "cookie", "navigation", "widget", "appeal",
                             "timestamp", "copyright"})
_CAPTION_REASONS = frozenset({"caption", "credit", "widget", "repeated-line", "repeated-caption"})


def _mark_phrases(lines: list[str], marks: Marks) -> None:
    start, floating, keywords, most_words = _any_phrase()
    for i in _open(lines, marks):
        line = lines[i]
        if _words(line) > most_words:
            continue
        low = line.lower()
        if not (start.match(line) or (any(k in low for k in keywords) and floating.search(line))):
            continue
        for reason, max_words, pattern in _phrases():
            if _words(line) <= max_words and pattern.search(line):
                if reason != "timestamp" or _words(line) > 8 or parse_date_line(line) is None:
                    marks[i] = reason  # a stamp holding one date is left to the date-line rule
                break


def _is_byline(line: str) -> bool:
    bylines, contacts = _byline_patterns()
    if contacts is not None and contacts.search(line):
        return True
    if _words(line) > 10 or line.endswith("."):
        return False  # "By Monday, the troops had left." is a sentence, not a byline
    return bool((bylines is not None and bylines.search(line)) or (_words(line) <= 8 and _EMAIL.search(line)))


def _mark_bylines(lines: list[str], marks: Marks) -> None:
    for i in _open(lines, marks):
        if _is_byline(lines[i]):
            marks[i] = "byline"


def _mark_date_lines(lines: list[str], marks: Marks) -> None:
    for i in _open(lines, marks):
        n = _words(lines[i])
        if n <= 16 and (n <= 8 or split_label(lines[i].strip())[0]) and parse_date_line(lines[i]) is not None:
            marks[i] = "date-line"          # "입력 : 2024-11-05 10:00:00 | 수정 : 2024-11-05 11:00:00": a labelled pair


def _mark_repeats(lines: list[str], marks: Marks) -> None:
    """Captions repeat ("Screenshot from ..." under every picture); the article does not."""
    open_ = _open(lines, marks)
    counts = Counter(lines[i] for i in open_)
    seen: set[str] = set()
    for i in open_:
        line, n = lines[i], counts[lines[i]]
        if n >= 3 and _caption_shaped(line):
            marks[i] = "repeated-caption"
        elif n >= 2 and line in seen and (_caption_shaped(line) or _words(line) >= 25):
            # the first copy stays. Repeated sentences and slogans ("Long live ...!") are
            # kept: repetition is itself a propaganda technique the analysis must see.
            marks[i] = "repeated-line"
        seen.add(line)


def _mark_duplicate_titles(lines: list[str], marks: Marks) -> None:
    """A title shown again with a tag glued on ("NorthKorea" + title): keep the clean copy."""
    earlier: list[str] = []
    for i in _open(lines, marks):
        line = lines[i]
        if _words(line) > 25:
            continue
        for title in earlier:
            extra = len(line) - len(title)
            if 0 < extra <= 30 and (line.endswith(title) or line.startswith(title)):
                marks[i] = "duplicate-title"
                break
        else:
            if _is_title_like(line) and _words(line) >= 4:
                earlier.append(line)


def _teaser_runs(lines: list[str], open_: list[int]) -> list[list[tuple[int, int]]]:
    """Maximal runs of consecutive (headline, blurb) pairs among the open lines."""
    runs: list[list[tuple[int, int]]] = [[]]
    k = 0
    while k + 1 < len(open_):
        head, blurb = lines[open_[k]], lines[open_[k + 1]]
        if _is_title_like(head) and 5 <= _words(blurb) and len(blurb) <= 300 and _SENT_END.search(blurb):
            runs[-1].append((open_[k], open_[k + 1]))
            k += 2
        else:
            runs.append([])
            k += 1
    return [r for r in runs if r]


def _mark_teasers(lines: list[str], marks: Marks) -> None:
    """Lists of other articles: headline + blurb cut off with "...". A headline followed by
    a whole sentence is also how an article opens (title + dek), so whole-blurb pairs go
    only inside a run with two cut blurbs and never at its end, where the article starts."""
    for run in _teaser_runs(lines, _open(lines, marks)):
        cut = [bool(_TRUNCATED.search(lines[b])) for _, b in run]
        while run and not cut[-1]:
            run, cut = run[:-1], cut[:-1]
        if sum(cut) >= 2 or (cut and all(cut)):
            for h, b in run:
                marks[h] = marks[b] = "teaser"


def _mark_edges(lines: list[str], marks: Marks) -> None:
    """Menus before the first body paragraph (3+ label lines in a row) and label
    fragments after the last one ("topics", a tag list)."""
    open_ = _open(lines, marks)
    body = [i for i in open_ if _is_body(lines[i])]
    if not body:
        return  # no prose to anchor head and tail: removing labels could empty a brief
    head = [i for i in open_ if i < body[0]]
    run: list[int] = []
    for i in head + [body[0]]:
        if i in head and _is_menu_item(lines[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            marks.update((j, "menu") for j in run)
        run = []
    tail = [i for i in open_ if i > body[-1]]
    # A headline list after the article is a teaser list only next to other page residue
    # ("Most Popular Articles"): state media end articles with lists of officials.
    anchored = any(i > body[-1] and reason in _PHRASE_REASONS for i, reason in marks.items())
    titles = [i for i in tail if _is_title_like(lines[i])]
    for i in tail:
        if _is_menu_item(lines[i]):
            marks[i] = "tail-fragment"
        elif anchored and len(titles) >= 2 and i in titles:
            marks[i] = "teaser"
    if len(tail) == 1 and tail[0] == max(open_) and tail[0] not in marks and 5 <= _words(lines[tail[0]]) <= 12 \
            and "," not in lines[tail[0]] and _is_title_like(lines[tail[0]]):
        # one headline closing the page after the article's last sentence, no closing mark of its own
        # ("Пхеньян направит сапёров и строит"): a related-article card, not a line of the article (a clipped
        # last sentence of the article has its clauses: "Білий дім повідомляв, що …" stays)
        marks[tail[0]] = "teaser"


def _nonblank(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.strip()]


def _mark_appeal_tail(lines: list[str], marks: Marks) -> None:
    """A letter to readers after the article ("A note to our readers", "Dear reader,"): the
    opener and what follows it to the end, when a body paragraph comes before and at most
    eight lines after (a donation appeal, not a second article)."""
    nb = _nonblank(lines)
    for k, i in enumerate(nb):
        if marks.get(i) != "appeal":
            continue
        if not any(j < i and j not in marks and _is_body(lines[j]) for j in nb[:k]):
            return
        rest = nb[k + 1:]
        if len(rest) <= 8:
            marks.update((j, "appeal") for j in rest if j not in marks)
        return


def _mark_caption_blocks(lines: list[str], marks: Marks) -> None:
    """Caption text above a photo credit: up to three short lines that are not prose,
    between a credit (or caption) line and a body paragraph or gallery widget above them."""
    nb = _nonblank(lines)
    for k, i in enumerate(nb):
        if marks.get(i) not in ("caption", "credit"):
            continue
        block: list[int] = []
        j = k - 1
        while j >= 0 and len(block) <= 3:
            idx = nb[j]
            if idx in marks:
                if marks[idx] not in _CAPTION_REASONS:
                    break
            elif _words(lines[idx]) > 15 or _is_body(lines[idx]) or _SENT_END.search(lines[idx]):
                break
            else:
                block.append(idx)
            j -= 1
        above = nb[j] if j >= 0 else None
        if not block or len(block) > 3 or above is None:
            continue
        if (above not in marks and _is_body(lines[above])) or marks.get(above) in _CAPTION_REASONS:
            marks.update((b, "caption") for b in block)


def _is_tag_list(line: str) -> bool:
    """"Ukraine, War, Kursk, North Korea, News": four or more short labels, comma-separated."""
    if re.search(r"[.!?;:\"”»]$", line) or _words(line) > 30:
        return False
    items = [x.strip() for x in re.split(r"\s*[,|·•]\s*", line)]
    if len(items) < 4 or any(not x or _words(x) > 3 for x in items):
        return False
    return sum(1 for x in items if not x[0].islower()) == len(items)


def _mark_sections_and_tags(lines: list[str], marks: Marks) -> None:
    """Before the first body paragraph: rubric labels ("News", "1. Politics") and tag
    lists; after the last one: tag lists."""
    open_ = _open(lines, marks)
    body = [i for i in open_ if _is_body(lines[i])]
    if not body:
        return
    sections = _section_pattern()
    for i in open_:
        if body[0] < i < body[-1]:
            continue
        if i < body[0] and sections is not None and sections.match(lines[i].strip()):
            marks[i] = "section"
        elif _is_tag_list(lines[i].strip()):
            marks[i] = "tags"


def _mark_labelled_teasers(lines: list[str], marks: Marks) -> None:
    """Headlines right after a "Read also" / "Related" label are teasers for other
    articles; the run stops at the first line that is prose."""
    labels = _teaser_label_pattern()
    if labels is None:
        return
    nb = _nonblank(lines)
    for k, i in enumerate(nb):
        if i not in marks or not labels.match(lines[i].strip()):
            continue
        for j in nb[k + 1:k + 6]:
            if j in marks:
                continue
            if _is_body(lines[j]) or not _is_title_like(lines[j].strip()):
                break
            marks[j] = "teaser"


@lru_cache(maxsize=1)
def _glued_pattern() -> re.Pattern | None:
    pats = _gathered("GLUED_PREFIXES")
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None


@lru_cache(maxsize=1)
def _section_pattern() -> re.Pattern | None:
    words = _gathered("SECTION_LABELS")
    if not words:
        return None
    return re.compile(r"(?:\d{1,2}\.\s*)?(?:" + "|".join(re.escape(w) for w in words) + r")$", re.I)


@lru_cache(maxsize=1)
def _teaser_label_pattern() -> re.Pattern | None:
    pats = _gathered("TEASER_LABELS")
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None


def _split_glued(lines: list[str]) -> list[str]:
    """Residue glued to the front of a line (a date stamp, a bracketed photo credit) goes
    on a line of its own, so the rules judge it and the text after it apart."""
    glued = _glued_pattern()
    if glued is None:
        return lines
    out: list[str] = []
    for line in lines:
        m = glued.match(line)
        if m and line[m.end():].strip():
            out += [line[:m.end()].strip(), line[m.end():].strip()]
        else:
            out.append(line)
    return out


_RULES: tuple[Callable[[list[str], Marks], None], ...] = (
    _mark_phrases, _mark_bylines, _mark_date_lines, _mark_repeats,
    _mark_duplicate_titles, _mark_teasers, _mark_edges,
    _mark_appeal_tail, _mark_caption_blocks, _mark_sections_and_tags, _mark_labelled_teasers,
)


def remove_residue(text: str) -> tuple[str, list[dict]]:
    """Return (clean text, removed lines with reasons); blank-line structure is kept."""
    lines = _split_glued(text.split("\n"))
    marks: Marks = {}
    for rule in _RULES:
        rule(lines, marks)
    if not marks:
        return text, []
    removed = [{"text": lines[i], "reason": marks[i]} for i in sorted(marks)]
    kept = "\n".join(line for i, line in enumerate(lines) if i not in marks)
    return re.sub(r"\n{3,}", "\n\n", kept).strip(), removed
