"""Find sentences left in another language on a rendered page.

The catalogues say what every interface sentence reads in each language: a French
``msgstr`` on an English or Arabic page, or an English ``msgid`` on an Arabic page, is a
sentence that was not translated (a missing entry, a string outside ``gettext``, a data
field with one language only). Our catalogues and Oscar's are read; each string is cut at
its placeholders and tags into literal fragments, and fragments long enough to be a
sentence (three words or more) are looked for in the page's visible text: text nodes and
the attributes a person reads (``alt``, ``title``, ``placeholder``, ``aria-label``, button
values). Elements marked with another ``lang`` (content honestly labelled) are skipped.

Used by the integration scan (Django's test client) and the browser walk (Chromium).
"""

import contextlib
import functools
import io
import re
from pathlib import Path

import oscar
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment
from django.conf import settings

_PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^}]*\}|<[^>]+>|&[a-z]+;")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u200f\u200e\u061c]+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 2
READ_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "code", "pre"}

# Names and words that are the same in every language, and may contain a catalogue
# fragment: never reported.
ALLOWED = {
    "l'karfour",
}
NAMES = (
    "L'Karfour",
    "Takafamap",
    "Takafaship",
    "MAD",
    "WhatsApp",
    "Facebook",
    "Instagram",
    "YouTube",
    "Français",
    "English",
    "Mohammed VI",
    "Oujda",
)


def _normalise(text):
    return _SPACES.sub(" ", text).strip().lower()


def _fragments(text):
    """Literal pieces of a catalogue string that read as a sentence (3+ words)."""
    for piece in _PLACEHOLDER.split(text):
        piece = _normalise(piece).strip(" .,:;!?()«»\"'—-…")
        if len(_WORD.findall(piece)) >= MIN_WORDS and piece not in ALLOWED:
            yield piece


def _catalogue(path):
    # Babel prints a warning for each flag it does not know (Oscar's catalogue has two).
    with open(path, "rb") as handle, contextlib.redirect_stdout(io.StringIO()):
        return read_po(handle)


def _entries(language):
    """``{msgid forms: msgstr forms}``, our catalogue first then Oscar's, as Django looks
    them up: the first non-empty translation wins; an id nobody translates maps to ()."""
    paths = [
        Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po",
        Path(oscar.__file__).parent / "locale" / language / "LC_MESSAGES" / "django.po",
    ]
    entries = {}
    for path in paths:
        for message in _catalogue(path):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            strings = tuple(s for s in strings if s)
            if not entries.get(ids):
                entries[ids] = strings
    return entries


@functools.cache
def leaks_for(language):
    """``{fragment: origin}`` of the sentences that must not appear on a page in ``language``.

    French pages are the reference and are not scanned. On an English page: French
    translations that differ from their English source. On an Arabic page: the same, plus
    the English sources (an Arabic page has no English sentence).
    """
    french = _entries("fr")
    english_sources = {_normalise(i) for ids in french for i in ids}
    found = {}
    for ids, strings in french.items():
        for string in strings:
            if _normalise(string) in english_sources:
                continue  # the French reads like an English source (a name, a word)
            for fragment in _fragments(string):
                found.setdefault(fragment, f"French for {ids[0]!r}")
    own = {f for ids in french for i in ids for f in _fragments(i)}
    if language == "ar":
        arabic = _entries("ar")
        for ids in arabic:
            # An Arabic "translation" equal to its English source is a copy (Oscar's
            # catalogue has many): the English shows.
            for source in ids:
                for fragment in _fragments(source):
                    found.setdefault(fragment, f"English source {source!r}")
        own = {
            f
            for ids, strings in arabic.items()
            for s in strings
            if _normalise(s) not in {_normalise(i) for i in ids}
            for f in _fragments(s)
        }
    # A fragment that is also part of a string of this very language is legitimate there.
    return {fragment: origin for fragment, origin in found.items() if fragment not in own}


def visible_text(html, language):
    """The text a person reads on the page, one line per text node or read attribute."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(SKIPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"lang": True}):
        if tag.name != "html" and not tag["lang"].startswith(language):
            tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    # HTML comments are not read (the page cache's region marks are comments).
    lines = [
        _normalise(text) for text in soup.find_all(string=True) if not isinstance(text, Comment)
    ]
    for tag in soup.find_all(True):
        for attribute in READ_ATTRIBUTES:
            if tag.get(attribute):
                lines.append(_normalise(tag[attribute]))
        if tag.name == "input" and tag.get("type") in ("submit", "button") and tag.get("value"):
            lines.append(_normalise(tag["value"]))
    return "\n".join(line for line in lines if line)


_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ'’]{2,}")
FRENCH_WORDS = {
    "le",
    "la",
    "les",
    "des",
    "du",
    "et",
    "pour",
    "avec",
    "votre",
    "vos",
    "une",
    "au",
    "aux",
    "est",
    "sur",
    "dans",
    "à",
    "de",
    "ou",
    "par",
    "nous",
    "vous",
    "sont",
    "été",
}
ENGLISH_WORDS = {"the", "and", "of", "to", "for", "with", "your", "is", "are", "in", "on", "by"}


def _data_leak(line, language, names):
    """A text line that reads as another language's sentence though no catalogue has it
    (a data field with one language only): a line mostly of Latin words (three or more)
    on an Arabic page, a French
    sentence on an English page. Words of ``names`` (people, shops, products) are not
    counted."""
    words = [w for w in _LATIN_WORD.findall(line) if w not in names]
    if language == "ar":
        return len(words) >= 3 and len(words) > len(_ARABIC_WORD.findall(line))
    french = sum(1 for w in words if w in FRENCH_WORDS)
    english = sum(1 for w in words if w in ENGLISH_WORDS)
    return len(words) >= 3 and french >= 2 and not english


def _word_bounded(fragment, text):
    start = text.find(fragment)
    while start != -1:
        end = start + len(fragment)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            return True
        start = text.find(fragment, start + 1)
    return False


def untranslated(html, language, names=()):
    """The untranslated sentences found on a page rendered in ``language``: a list of
    ``(fragment, origin, line)``. ``names``: words that are names (shown as written)."""
    text = visible_text(html, language)
    lines = text.split("\n")
    names = {w.lower() for name in (*names, *NAMES) for w in _LATIN_WORD.findall(name)}
    problems = [
        (line, "a sentence no catalogue translates", line)
        for line in lines
        if "@" not in line and "://" not in line and _data_leak(line, language, names)
    ]
    for fragment, origin in leaks_for(language).items():
        if fragment in text and _word_bounded(fragment, text):
            line = next((line for line in lines if fragment in line), "")
            problems.append((fragment, origin, line))
    return problems


def report(url, problems):
    return f"{url}:\n" + "\n".join(
        f"  {fragment!r} ({origin}) in: {line[:160]!r}" for fragment, origin, line in problems
    )
