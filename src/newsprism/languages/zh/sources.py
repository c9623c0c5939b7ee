"""Chinese words for judging who a number comes from (see ``generic/sources.py``)."""

from __future__ import annotations

# no spaces between words: a stem found anywhere in the phrase names a group
GROUP_STEMS = r"情报|当局|政府|国防部|外交部|官员|消息人士|议员|专家|分析人士|媒体|通讯社|委员会|司令部|发言人|军方|机构"
