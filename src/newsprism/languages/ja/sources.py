"""Japanese words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

GROUP_STEMS = r"情報院|情報機関|当局|政府|国防省|防衛省|外務省|当局者|関係者|議員|専門家|メディア|通信|委員会|司令部|報道官|軍"
