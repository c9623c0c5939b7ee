"""English metadata constructions (see generic/metadata.py for each name)."""

DATE_LABELS = ("published", "posted", "date", "first published", "published on", "posted on")
UPDATE_LABELS = ("updated", "last updated", "modified")
BYLINE_PREFIXES = ("by", "written by", "text by", "reporting by")
MONTHS = {"sept": 9}
_name = r"(?P<name>[A-Z][\w.&'’-]*(?:[ -][A-Z][\w.&'’-]*){0,4})"
SELF_REPORTS = (
    _name + r" reports?,? (?:with reference to|referring to)\b",
    r"(?:note|message|letter) to (?:our )?readers from " + _name,
    r"\b[Aa]s " + _name + r" (?:has )?(?:earlier|previously) reported\b",
)
SELF_CREDITS = (r"\((?:photo|image)s?:?\s+" + _name + r"(?: archive| file)\)",)
COPYRIGHT_WORDS = ("©", "ⓒ", "(c)", "copyright", "all rights reserved")
PHOTO_WORDS = ("photo", "image", "picture", "getty", "video")
