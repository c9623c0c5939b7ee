"""Metadata from plain text: the words and constructions that show an outlet, a date or a title.

Every pack's ``metadata`` module may override these names; ``clean.metadata`` and
``clean.outlets`` try the patterns of every pack (metadata is read before the language
is known, and the patterns are specific to their script), so a pattern must only match
its own construction. Month and weekday names come from dateparser's locale data;
``MONTHS`` adds forms it lacks.
"""

# Labels before a publication date at the top of a page ("Published: ...", "입력 ...").
DATE_LABELS: tuple[str, ...] = ("date",)
# Labels before an update date: a date, but not the publication date.
UPDATE_LABELS: tuple[str, ...] = ()
# Words before a clock time in a date line ("입력 2024.11.05. 오전 10:00"): morning, afternoon.
TIME_PREFIXES: tuple[str, ...] = ()
# Byline openers ("By", "Автор"): the rest of the line names the author, maybe with a date.
BYLINE_PREFIXES: tuple[str, ...] = ()
# Extra month names (lowercase) -> month number, beside dateparser's.
MONTHS: dict[str, int] = {}
# Words for "year" after a year number ("2025 г.", "2025 року").
YEAR_WORDS: tuple[str, ...] = ()
# Regexes with a group ``name``: the text names its own outlet ("X reports, citing ...",
# "Ранее X сообщал"). Confidence CONF_SELF_REPORT.
SELF_REPORTS: tuple[str, ...] = ()
# Regexes with a group ``name``: the outlet credits itself (own photo archive, editor's note).
SELF_CREDITS: tuple[str, ...] = ()
# Words that make a line a copyright or reprint notice ("All rights reserved", "무단 전재").
COPYRIGHT_WORDS: tuple[str, ...] = ("©", "ⓒ", "(c)", "copyright")
# Words that make a line a photo or video credit: a copyright there is the picture's, not the outlet's.
PHOTO_WORDS: tuple[str, ...] = ("photo", "foto")
