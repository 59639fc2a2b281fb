"""Text folding shared by every backend: case, Latin accents and Arabic spelling variants.

``fold("Éclairage")`` and ``fold("eclairage")`` are equal, and so are ``fold("الإضاءة")`` and
``fold("اضاءه")``: Arabic diacritics (harakat) and tatweel are dropped, alef with hamza or
madda becomes a bare alef, taa marbuta becomes haa, alef maqsura becomes yaa, and the
definite article "ال" is removed from the start of words. A word with an apostrophe is kept
both joined and split (``"l'karfour"`` → ``"lkarfour l karfour"``), so "lkarfour",
"L'Karfour" and "karfour" all find it. The result is wrapped in spaces
and words are separated by one space, so ``" " + token`` in it is a word-prefix match.
"""

import re
import unicodedata

MAX_TOKENS = 8
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"ٱ": "ا", "ة": "ه", "ى": "ي"})
_NON_WORD = re.compile(r"[\W_]+")
_ELISION = re.compile(r"(\w+)['’ʼ](\w+)")
_ARTICLE = re.compile(r"(?<= )ال(?=\w\w)")


def fold(text):
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS).casefold()
    text = _ELISION.sub(r"\1\2 \1 \2", text)
    text = " " + " ".join(_NON_WORD.sub(" ", text).split()) + " "
    return _ARTICLE.sub("", text)


def tokens(query):
    """The folded words of a query (at most ``MAX_TOKENS``, duplicates removed)."""
    seen = []
    for word in fold(query).split():
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TOKENS]
