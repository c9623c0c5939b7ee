"""Japanese segmentation hints: the quotative と / って after 。！？ continues the sentence."""

CJK_CONTINUATIONS: tuple[str, ...] = ("と", "って")
