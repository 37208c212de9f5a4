"""Vietnamese-aware text folding: what a reader types without diacritics.

"Bình Đẳng Giới" → "binh dang gioi": decompose (NFD), drop the combining marks, map
đ/Đ to d, lower-case. Sources are NFC; `nfc` normalises text that arrives in NFD.
"""

import re
import unicodedata
from functools import lru_cache

_MARKS = re.compile(r"[\u0300-\u036f]")
WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text)
    text = _MARKS.sub("", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", text).lower()


def folded_words(text: str) -> list[str]:
    """The distinct words whose folded form differs from the word itself, folded, in order."""
    seen, out = set(), []
    for word in WORD.findall(nfc(text)):
        lower = word.lower()
        folded = fold(lower)
        if folded != lower and folded not in seen:
            seen.add(folded)
            out.append(folded)
    return out
