"""English: words that make a tagged name a place, page furniture or a photo credit."""

from __future__ import annotations

PLACE_SUFFIXES = frozenset({"oblast", "region", "province", "krai", "governorate", "district", "county", "strip",
                            "peninsula", "raion", "prefecture", "island", "islands", "valley",
                            "sea", "bay", "strait"})
LOCATIVE_WORDS = frozenset({"in", "near", "around", "outside", "across", "into", "towards", "toward", "inside",
                            "throughout"})
INTERFACE_WORDS = frozenset({"copy", "link", "icon", "share", "click", "subscribe", "newsletter", "menu", "login",
                             "log", "sign", "cookie", "cookies", "advertisement", "print", "email", "comments",
                             "comment", "follow", "tweet", "close", "expand", "collapse", "toggle", "search",
                             "download", "app", "read", "more", "watch", "listen", "video", "photo", "gallery",
                             "caption", "image", "skip", "content", "home", "back", "top"})
PHOTO_CREDIT_WORDS = frozenset({"images", "image", "photo", "photos", "pictures", "imaging", "stock", "photography",
                                "shutterstock", "alamy", "istock"})
