"""English page residue: subscribe, share, cookie, navigation, copyright, caption lines; bylines."""

PHRASES: dict[str, list[str]] = {
    "subscribe": [
        r"^subscribe\b",
        r"^sign up\b",
        r"^already (a subscriber|have an account)",
        r"^(become|get) a (member|subscriber)",
        r"^subscribers? only\b",
        r"^(start|get) (your|a) (free )?(trial|subscription)",
        r"\bnewsletters?\b.*\b(sign|subscribe|inbox)",
        r"^(sign|sign-up|log) ?in (to|for) (read|continue|access)",
        r"^continue reading\b",
        r"^support (our|independent) journalism",
        r"^this (article|story|content) is (for|available to|reserved for) (subscribers|members)",
    ],
    "paywall": [
        r"^please wait while we (confirm|verify|check)\b",
        r"^(have|already have) an? (subscription|account)\?",
        r"^(get|unlock|enjoy) (full|unlimited|instant|complete) (digital )?access\b",
        r"^(you have|you've) (reached|read|used) (your|the|all)\b.{0,40}\b(limit|free|articles)",
        r"^to (continue|keep) reading\b",
        r"^(this|the) (article|story|content) is (only )?(for|available to|reserved for) (paying )?(subscribers|members)",
        r"\bsubscribe (now|today)\b",
        r"\bsign in to your\b.{0,30}\baccount\b",
        r"\bon patreon\b",
    ],
    "share": [
        r"^share (this|on|the|article|story)\b",
        r"^share:?$",
        r"^(follow|like|join) us (on|at)\b",
        r"^follow\b.{0,40}\bon (twitter|x|telegram|facebook|instagram|youtube)\b",
        r"^(facebook|twitter|x|telegram|whatsapp|email|e-mail|linkedin|reddit|vk|print|copy link)$",
        r"^tweet$",
    ],
    "cookie": [
        r"\b(we|this (web)?site) uses? cookies\b",
        r"^accept( all)? cookies$",
        r"\bcookie (policy|settings|preferences|consent)\b",
        r"\bby continuing to (browse|use)\b.*\b(agree|consent|accept)",
    ],
    "navigation": [
        r"^most (popular|read|viewed)( articles| stories| news)?:?$",
        r"^check out (our|other)\b",
        r"^(related|recommended|more|latest|top) (articles|stories|news|content|reading|from)\b",
        r"^read (more|also|next)\b",
        r"^see also\b",
        r"^advertisement$",
        r"^(sponsored|promoted)( content)?$",
        r"^(topics|tags|related topics):?$",
        r"^back to top$",
        r"^skip to (main )?content$",
        r"^(previous|next) (article|story|post)$",
        r"^(go to|view) (comments|all)\b",
        r"^comments?( \(\d+\))?$",
        r"^edit this (story|article|page|post)$",
        r"^(story|article) in brief$",
        r"^(key points|in brief|at a glance|summary)$",
    ],
    "widget": [
        r"^listen to (this|the) (article|story)\b",
        r"^(text|font) size\b",
        r"^open (the )?(gallery|photo gallery|slideshow)\b",
        r"^(view|see) (the )?(gallery|slideshow|all photos)\b",
        r"^(your )?browser (does not|doesn't) support\b",
        r"^comments are (closed|moderated)\b",
    ],
    "appeal": [
        r"^(a )?(note|message|letter) (to|for) (our )?readers\b",
        r"^dear (readers?|friends),?$",
    ],
    "timestamp": [
        r"^(posted|published|updated|last updated|first published)( on| at)?\s*:?\s*\d",
        r"^\d+ (minutes?|hours?|days?) ago$",
    ],
    "copyright": [
        r"^copyright\s",
        r"\ball rights reserved\b",
    ],
    "caption": [
        r"^screenshot (from|of|via)\b",
        r"^screen ?(grab|capture)\b",
        r"^(photo|photograph|image|picture|video|file photo)s?( credit)?\s*(:|/|=|by\b|courtesy\b|via\b)",
        r"^\(?(photo|image)s?\s*[:=]",
        r"^credit:",
    ],
    "credit": [
        r"\((photo|image|picture|video)s?( credit)?\s*[:/][^)]{1,80}\)$",
        r"[|•]\s*(photo|image)s?( credit)?\s*:",
    ],
}

FLOATING_KEYWORDS: tuple[str, ...] = ("newsletter", "cookie", "rights reserved", "subscribe", "sign in", "patreon",
                                      "photo", "image", "picture", "video")

TEASER_LABELS: list[str] = [r"(read|see) (also|more|next)\b", r"(related|recommended|more) (articles|stories|news)\b"]

SECTION_LABELS: list[str] = ["news", "world", "politics", "economy", "business", "society", "opinion",
                             "sport", "sports", "culture", "science", "technology", "war", "asia", "europe"]

_name = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}"

BYLINES: list[str] = [
    rf"^(?:by|written by|text by|reporting by)\s+{_name}(?:(?:,| and| &) {_name})*(?:\s*[|,–—-].*)?$",
]

CONTACT_LINES: list[str] = [
    r"^(?:write|e-?mail) to ([^@]{2,80}?) at [\w.+-]+@[\w-]+(?:\.[\w-]+)+",
]
