"""Chinese wordings of claim measures, sides and roles (interface: generic/claims.py)."""

MEASURES: dict[str, str] = {
    "killed-or-wounded": r"伤亡|死伤|损失",
    "killed": r"战死|死亡|阵亡|丧生|丧命|身亡|遇难|打死|击毙",
    "wounded": r"受伤|负伤",
    "captured": r"俘虏|被俘|俘获",
    "deployed": r"派出|派遣|派兵|增派|部署|送往|到达|抵达|进驻",
    "supplied": r"提供|供应|交付",
    "returned": r"回国|撤回|返回",
}
WHOSE: dict[str, str] = {"north-korean": r"北韩|朝鲜|北朝鲜", "russian": r"俄罗斯|俄军|俄", "ukrainian": r"乌克兰|乌军",
                         "south-korean": r"韩国|南韩", "chinese": r"中国|解放军"}
NOT_WHOSE_AFTER: str = r"^(?:罗斯)?(?:境内|的领土)|^国?(?:会|议员|情报|情院|政府|官员|媒体)"
NOT_WHOSE_BEFORE: str = r"(?:向|到|往|在|为|替)$"
# the full-width comma and semicolon end a clause as ", " and ";" do ("、" lists, it does not end one)
CLAUSE_BREAK: str = r"[;:；：，]|,\s"
NOUN_BEFORE_NUMBER: bool = True
CUE_WINDOW: int = 40

ADDITIONAL: str = r"增派|追加|再派"

PLANNED: str = r"打算|计划|将|准备|拟"
ACTUAL: str = r"已经|已有|已达|已"
