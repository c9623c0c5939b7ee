"""Japanese wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"死傷|損失|死者と負傷者|死亡または負傷",
    "killed": r"死亡|戦死|死者|殺害|死ん",
    "wounded": r"負傷|けが",
    "captured": r"捕虜|拘束",
    "deployed": r"派遣|派兵|配置|送[りっ]|展開|到着",
    "supplied": r"供与|供給|提供",
    "returned": r"帰国|撤収|帰還",
}
WHOSE: dict[str, str] = {"north-korean": r"北朝鮮", "russian": r"ロシア", "ukrainian": r"ウクライナ",
                         "south-korean": r"韓国", "chinese": r"中国"}
NOT_WHOSE_AFTER: str = r"^(?:に|へ|で|と|側)"
# the Japanese comma ends a clause after a verb's or a particle's kana ("派遣し、", "死亡したが、"); between nouns it
# lists them ("ロシア、北朝鮮"), as "、" does in Chinese, and ends nothing
CLAUSE_BREAK: str = r"[;:；：，]|,\s|(?<=[\u3041-\u309f])、"
NOUN_BEFORE_NUMBER: bool = True
CUE_WINDOW: int = 40

ADDITIONAL: str = r"追加|増派"

PLANNED: str = r"予定|計画|方針"
ACTUAL: str = r"すでに|既に"
