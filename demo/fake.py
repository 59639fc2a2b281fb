"""Repeatable fake values for the demo data: a random generator per seed, phone numbers."""

import random

import phonenumbers


def seeded_rng(*parts):
    """A ``random.Random`` seeded with ``parts``: the same values on every run."""
    return random.Random(":".join(str(p) for p in parts))


def phone_number(seed, prefix="+2126", digits=8):
    """A valid Moroccan number in E.164, the same for the same seed."""
    rng = seeded_rng("phone", seed)
    for _ in range(100):
        number = prefix + "".join(str(rng.randint(0, 9)) for _ in range(digits))
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number
    raise ValueError(f"no valid number for prefix {prefix}")
