"""English is the source language of our strings: its catalogue maps each message to itself.

Run by ``make makemessages`` after Django's makemessages, so the English catalogue is
complete (and compiles) without hand work. Usage: python scripts/fill_english_catalogue.py
"""

from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main():
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    catalog.fuzzy = False
    for message in catalog:
        if not message.id:
            continue
        message.flags.discard("fuzzy")
        if isinstance(message.id, tuple):
            message.string = tuple(message.id)
        else:
            message.string = message.id
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=79, include_previous=False)


if __name__ == "__main__":
    main()
