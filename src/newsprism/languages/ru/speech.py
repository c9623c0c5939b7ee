"""Russian speech: report verbs and the rules that find attributions over the text.

Constructions: ``по словам X, …`` / ``по данным X`` / ``как заявил X, …`` (an opening phrase anywhere in the
sentence), ``«…», — заявил X`` (a quote of one or more sentences, then the verb and its speaker),
``X сказал: «…»``, ``…, сообщает X`` (a trailing report), ``X заявил, что …``, ``Об этом сообщил X`` /
``Такие данные привели X`` (the sentence before is the report), ``говорится в сообщении`` (the earlier
speaker's text). Relays: ``со ссылкой на Y`` / ``ссылаясь на Y`` / ``…, передает ТАСС`` / ``цитирует Y
ТАСС`` give Y's statement inside the outlet's, which ``voices.attributions`` turns into ``via``.
Disputes: ``опроверг``, ``отверг слухи о том, что …``, ``назвал эти сведения «вбросами»``, ``… не
соответствует действительности`` carry the stance denies / disputes, the disputed content as content.
A pronoun or a bare role (``по его словам``, ``по словам губернатора``, ``в разведке``) resolves to the
earlier speaker it continues. Ukrainian (``uk.speech``) runs the same rules over its own words.

Each rule returns raw dicts (cue, speaker, content offsets, lemma, stance; ``resolve_span`` where the
speaker is named elsewhere; ``refers_to`` for what "these reports" stands for) that
``voices.attributions`` finishes (labels, actors, relays).
"""

from __future__ import annotations

import re

from ...model import Span
from .._text import strip_span
from .. import _speech as _rules

# report verb stems -> stance
VERBS = {
    "заяв": "says", "сообщ": "says", "отмет": "says", "подчеркн": "says", "сказа": "says", "говор": "says",
    "добави": "says", "рассказа": "says", "поясни": "says", "написа": "says", "писа": "says", "пише": "says",
    "передае": "says", "передаё": "says", "уточни": "says", "напомина": "says", "объяви": "says",
    "цитиру": "says", "рассказыва": "says", "отмеча": "says", "подчеркива": "says",
    "добавля": "says", "поясня": "says", "уточня": "says", "указыва": "says", "объявля": "says", "напомни": "says",
    "подтвержда": "confirms", "признава": "confirms", "предупрежда": "warns", "озвучи": "says", "обнародова": "says", "указа": "says", "привел": "says", "привод": "says", "заверя": "says", "завери": "says",
    "утвержда": "claims", "настаива": "claims", "настоя": "claims", "подтверд": "confirms", "признал": "confirms", "признаё": "confirms",
    "опроверг": "denies", "отверг": "denies", "отрица": "denies", "оспори": "disputes", "оспарива": "disputes",
    "предупред": "warns", "пригрози": "warns", "похвал": "praises", "восхвал": "praises",
}


_LEX = _rules.Lexicon(
    verbs=VERBS,
    verb_endings=("л", "ла", "ло", "ли", "ет", "ёт", "ют", "ит", "ят", "ат", "ут", "в"),
    intro=re.compile(r"(?<!\w)(?:[Пп]о (?:словам|данным|мнению|сообщению|информации|оценкам?|утверждению|версии)"
                     r"|[Сс]огласно (?:данным |информации |оценкам? |заявлению )?"
                     r"|[Кк]ак (?:(?:заявил|сообщил|отметил|подчеркнул|сказал|уточнил|написал|рассказал|пояснил|"
                     r"напомнил|признал|подтвердил)[аио]?|(?:сообщает|заявляет|отмечает|утверждает|пишет|передает|"
                     r"передаёт|уточняет|напоминает|подчеркивает)|(?:сообщают|пишут|передают|утверждают|заявляют|"
                     r"отмечают|напоминают)))\s+([^,.;:]+?)\s*(?:[,:]|—|$)"),
    intro_own=re.compile(r"(?<!\w)[Пп]о (его|её|ее|их) (?:словам|данным|мнению|оценкам?|сведениям|информации)"
                         r"\s*,?"),
    by_which=re.compile(r"(?<!\w)(?:сообщени|заявлени|доклад|оценк|публикаци|информаци|данны)\w*\s+([^,.;]+?),\s*"
                        r"(?:согласно (?:котор\w+|ним|ей)|в котор\w+ (?:говорится|утверждается|сообщается),? что)\s+"),
    that=("что", "чтобы"),
    relay=re.compile(r"(?<!\w)(?:со ссылкой на|ссылаясь на)\s+([^,.;]+?)(?=\s*(?:,|\.|;|$|\s+(?:что|сообщ|пиш|заяв)))"),
    anaphor=re.compile(r"^\s*(?:Об этом|Такие данные|Такую оценку|Такое заявление|Такие сведения|Такие цифры|Такую информацию|"
                       r"Эту информацию|Эти данные|О том,? что)\b", re.I),
    said_in=re.compile(r"(?:говорится|сказано|отмечается|указывается|подчеркивается) в (\w+)"),
    impersonal=re.compile(r"^\s*(?:Указывается|Отмечается|Подчеркивается|Уточняется|Сообщается|Утверждается),?\s+"),
    vague_heads=("источник", "собеседник", "осведомленн", "осведомлённ"),
    pronouns=frozenset("он она оно они его её ее их ним ней них нему ему".split()),
    dispute_words=re.compile(r"фейк|вброс|лож[ьн]|ложью|неправд|слух|дезинформ|выдумк|провокац|пропаганд|"
                             r"клевет|инсинуац|абсурд|бездоказ|беспочв|необоснован", re.I),
    not_true=re.compile(r"не соответству\w* действительности|не соответству\w* истине|не имеет ничего общего с "
                        r"(?:действительностью|реальностью)", re.I),
    calling=re.compile(r"(?<!\w)(?:назва|называ|назыв)\w*", re.I),
    these=re.compile(r"\s*(?:эти|такие|подобные|эту|такую|это|данные)\b", re.I),
    these_dash=re.compile(r"[—–]\s*(?:такие данные|такую оценку|такое заявление|об этом)\s", re.I),
    quote_verbs=("цитиру",),
    occasion=r"во время|в ходе|в интервью|на пресс-конференции|на брифинге|в эфире|на заседании|на совещании",
    adverbs=frozenset("при также тоже ранее раньше впервые вновь снова уже еще ещё этом тогда позже затем сегодня "
                      "вчера неоднократно".split()),
    adverbials=re.compile(r"(?:(?:[Вв]о?|[Нн]а|[Кк]|[Сс]|[Дд]о|[Пп]осле)(?: \d+)? (?:январ|феврал|март|апрел|ма[ейя]|июн|июл|"
                          r"август|сентябр|октябр|ноябр|декабр|понедельник|вторник|сред|четверг|пятниц|суббот|воскресен|"
                          r"\d{4}|прошл|эт[оиу]|начал|конц|середин|итог|ходе|рамках)[\w-]*(?: [\w-]+)?|[Ее]щ[её] (?:раньше|ранее)"
                          r"|[Рр]анее(?: на этой неделе)?|[Рр]аньше|[Пп]озже|[Зз]атем|[Тт]акже|[Кк]роме того|[Пп]ри этом"
                          r"|[Оо]днако|[Тт]ем временем|[Вв] свою очередь|[Дд]о этого|[Сс]егодня|[Вв]чера|[Аа]|[Ии]|[Нн]о)"
                          r"(?:\s*,)?\s+"),
    source_stems=("разведк", "минобороны", "министерств", "мид", "кремл", "генштаб", "сми", "источник", "штаб",
                  "пресс-служб", "посольств", "эксперт"),
)


def rules(text: str, quotes, entities: list[Span]) -> list[dict]:
    """Russian reports (see the module's docstring); a title "Разведка: …" too."""
    return _title(text, entities, _LEX) + _rules.find(text, quotes, entities, _LEX)


# -- title lines
_TITLE = re.compile(r"([А-ЯЁІЇЄҐA-Z][\w.-]*(?: [\w.-]+){0,3}): +(\S[^\n]*)")


def _title(text: str, entities: list[Span], lex) -> list[dict]:
    """A first line "Разведка: КНДР направила …": the source before the colon said what follows, when an entity
    covers it or its last word is a source noun (so not "Внимание: …")."""
    m = _TITLE.match(text)
    if not m:
        return []
    name_end = m.end(1)
    named = any(e.end <= name_end for e in entities)
    last = m.group(1).split()[-1].lower()
    if not named and not last.startswith(lex.source_stems):
        return []
    cs, ce = strip_span(text, m.start(2), m.end(2))
    if ce <= cs:
        return []
    return [{"cue": (name_end, name_end + 1), "speaker": (0, name_end), "content": (cs, ce), "lemma": "сообщить",
             "stance": "says"}]
