"""Korean segmentation hints: a quotative particle after a closing quote continues the sentence."""

CONTINUATIONS: tuple[str, ...] = ("라고", "이라고", "하고", "고 ", "며", "면서")
