"""Folding: what the database backend and the taxonomy matching compare."""

import pytest

from sitesearch.text import MAX_TOKENS, fold, tokens


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Éclairage", "eclairage"),
        ("LUMIÈRE", "lumiere"),
        ("الإضاءة", "اضاءه"),  # article, hamza under alef, taa marbuta
        ("مَزْج الصَّوت", "مزج صوت"),  # harakat and shadda
        ("أنكاد", "انكاد"),
    ],
)
def test_fold_makes_spelling_variants_equal(written, typed):
    assert fold(written) == fold(typed)


def test_tokens_drop_punctuation_and_duplicates_and_are_bounded():
    assert tokens("'; DROP TABLE -- drop %_") == ["drop", "table"]
    assert tokens("%_\\") == []
    assert len(tokens(" ".join(f"mot{n}" for n in range(50)))) == MAX_TOKENS
