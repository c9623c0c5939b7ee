"""Numbers outside en/ru/uk/ko: vague multiples, approximate number nouns, hedges, ranges and what is counted in
Spanish, German, French, Japanese and Chinese (invented sentences). The convention is the English one: "several
thousand" is 1,000..10,000 with the hedge "vague", never exactly one thousand."""

from __future__ import annotations

import pytest

from newsprism.claims.extract import find_quantities


def one(text, lang):
    qs = find_quantities(text, lang)
    assert len(qs) == 1, [q.raw for q in qs]
    return qs[0]


@pytest.mark.parametrize("lang, text, lo, hi, hedge, counted", [
    # French number nouns take "de" before what they count
    ("fr", "Des dizaines de marins ont quitté le port.", 10, 100, "vague", "marins"),
    ("fr", "Des centaines de pêcheurs attendaient.", 100, 1000, "vague", "pêcheurs"),
    ("fr", "Des milliers de manifestants sont venus.", 1000, 10000, "vague", "manifestants"),
    ("fr", "Plusieurs centaines de pompiers", 100, 1000, "vague", "pompiers"),
    ("fr", "Des dizaines de milliers d'électeurs", 1e4, 1e5, "vague", "électeurs"),
    ("fr", "une dizaine de gardes", 10, 10, "about", "gardes"),
    ("fr", "un millier de bénévoles", 1000, 1000, "about", "bénévoles"),
    ("fr", "plus d'une centaine de navires", 100, 100, "more than", "navires"),
    # Spanish
    ("es", "Decenas de marineros llegaron al muelle.", 10, 100, "vague", "marineros"),
    ("es", "Cientos de pescadores esperaban.", 100, 1000, "vague", "pescadores"),
    ("es", "Varios cientos de bomberos trabajaron.", 100, 1000, "vague", "bomberos"),
    ("es", "Decenas de miles de votantes", 1e4, 1e5, "vague", "votantes"),
    ("es", "una decena de guardias", 10, 10, "about", "guardias"),
    ("es", "un centenar de voluntarios", 100, 100, "about", "voluntarios"),
    # German: "mehrere Tausend" is several thousand, "Hunderte" hundreds, never exactly one hundred
    ("de", "Mehrere Tausend Fischer protestierten.", 1000, 10000, "vague", "Fischer"),
    ("de", "Einige hundert Feuerwehrleute halfen.", 100, 1000, "vague", "Feuerwehrleute"),
    ("de", "Hunderte Matrosen warteten.", 100, 1000, "vague", "Matrosen"),
    ("de", "Dutzende Boote lagen im Hafen.", 12, 120, "vague", "Boote"),
    ("de", "Zehntausende Wähler stimmten ab.", 1e4, 1e5, "vague", "Wähler"),
    # Han: 数千人 (several thousand people), 上千名 (a thousand and more), 十几名 (a dozen or so)
    ("ja", "港では数千人の漁師が集まった。", 1000, 10000, "vague", "人"),
    ("ja", "数十人が参加した。", 10, 100, "vague", "人"),
    ("zh", "数百名渔民，聚集在港口。", 100, 1000, "vague", "名渔民"),
    ("zh", "上千名志愿者，参加了活动。", 1000, 10000, "vague", "名志愿者"),
    ("zh", "十几名船员。", 11, 19, "vague", "名船员"),
    ("zh", "成千上万的游客", 1000, 1e5, "vague", "游客"),
])
def test_vague_multiples_and_number_nouns(lang, text, lo, hi, hedge, counted):
    q = one(text, lang)
    assert (q.lo, q.hi, q.hedge, q.counted) == (lo, hi, hedge, counted), q


@pytest.mark.parametrize("lang, text, lo, hi, hedge", [
    ("de", "zwischen 300 und 400 Fischer", 300, 400, None),
    ("zh", "3000至4000名渔民", 3000, 4000, None),
    ("ja", "3000から4000人の漁師", 3000, 4000, None),
    ("ja", "5000人を超える漁師", 5000, 5000, "more than"),
])
def test_ranges_and_hedges_after(lang, text, lo, hi, hedge):
    q = one(text, lang)
    assert (q.lo, q.hi, q.hedge) == (lo, hi, hedge), q


@pytest.mark.parametrize("lang, text, counted", [
    ("es", "Llegaron 300 pescadores ayer.", "pescadores"),                 # an adverb of time
    ("es", "Unos 300 pescadores llegaron al puerto.", "pescadores"),       # a finite verb
    ("es", "Vinieron 300 pescadores que protestaban.", "pescadores"),
    ("es", "Llegaron 300 pescadores gallegos.", "pescadores gallegos"),    # its adjective stays
    ("fr", "Quelque 300 pêcheurs pourraient venir.", "pêcheurs"),
    ("fr", "300 pêcheurs bretons", "pêcheurs bretons"),
])
def test_counted_phrases_end_before_the_verb(lang, text, counted):
    assert one(text, lang).counted == counted


def test_a_number_noun_of_money_is_money():
    q = one("costó 2,5 millones de euros", "es")
    assert (q.kind, q.unit, q.lo) == ("money", "euro", 2.5e6)


@pytest.mark.parametrize("sentence, measure", [
    ("北朝鮮は兵士を派遣し、1000人がその後の激しい戦闘で死亡した。", "killed"),   # "し、" ends the sending clause
    ("兵士がロシア、ウクライナに1000人派遣された。", "deployed"),                # a list comma ends nothing
])
def test_a_japanese_comma_after_kana_ends_a_clause(sentence, measure):
    from newsprism.claims.measure import measure_of
    at = sentence.index("1000")
    assert measure_of(sentence, at, at + 5, "ja")[0] == measure


@pytest.mark.parametrize("lang, text, value", [
    ("fr", "trois cents marins", 300),                  # was 3 + 100: no number
    ("fr", "deux mille cinq cents marins", 2500),
    ("es", "dos mil quinientos marineros", 2500),
    ("de", "zwölftausend Fischer", 12000),
    ("es", "treinta y cinco marineros", 35),           # was 30 and 5
    ("fr", "vingt et un marins", 21),                  # was 20
])
def test_written_out_numbers(lang, text, value):
    assert one(text, lang).lo == value


@pytest.mark.parametrize("lang, text, values", [
    ("fr", "cinq et six marins", [5, 6]),               # two numbers: only a tens word takes a unit after "et"
    ("es", "entre veinte y treinta marineros", [(20, 30)]),
    ("en", "twenty and five", [20, 5]),                  # English writes "twenty-five"
])
def test_numbers_joined_by_and_stay_apart(lang, text, values):
    got = [(q.lo if q.lo == q.hi else (q.lo, q.hi)) for q in find_quantities(text, lang)]
    assert got == values
