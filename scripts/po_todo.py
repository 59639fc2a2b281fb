"""Hand the untranslated part of a catalogue to a translator as JSON, and take it back.

    python scripts/po_todo.py export ar /tmp/ar-todo.json   # empty or fuzzy messages
    python scripts/po_todo.py import ar /tmp/ar-todo.json   # fills them, clears "fuzzy"

Each JSON entry: ``id`` (the English source), ``plural`` (or null), ``context`` (or null),
``where`` (source locations, for meaning), ``string`` — a text, or for plurals a list with one
form per plural form of the language (Arabic has six) — to fill in.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def _path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def _read(language):
    with _path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def _todo(message):
    if not message.id:
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


def export(language, target):
    catalog = _read(language)
    entries = []
    for message in catalog:
        if not _todo(message):
            continue
        plural = isinstance(message.id, tuple)
        entries.append(
            {
                "id": message.id[0] if plural else message.id,
                "plural": message.id[1] if plural else None,
                "context": message.context,
                "where": [f"{path}:{line}" for path, line in message.locations][:3],
                "string": [""] * catalog.num_plurals if plural else "",
            }
        )
    Path(target).write_text(json.dumps(entries, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(entries)} messages to translate in {language} -> {target}")


def import_(language, source):
    catalog = _read(language)
    entries = json.loads(Path(source).read_text(encoding="utf-8"))
    done = 0
    for entry in entries:
        key = (entry["id"], entry["plural"]) if entry.get("plural") else entry["id"]
        message = catalog.get(key, context=entry.get("context"))
        string = entry.get("string")
        if message is None or not string or (isinstance(string, list) and not all(string)):
            continue
        message.string = tuple(string) if isinstance(string, list) else string
        message.flags.discard("fuzzy")
        done += 1
    with _path(language).open("wb") as handle:
        write_po(handle, catalog, width=79, include_previous=False)
    print(f"{done} of {len(entries)} messages filled in {language}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in {"export", "import"}:
        sys.exit(__doc__)
    (export if sys.argv[1] == "export" else import_)(sys.argv[2], sys.argv[3])
