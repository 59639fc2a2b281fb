"""CMI's hash version 3, against vectors written by hand from the scheme (and their SHA-512
computed outside Python with ``openssl dgst -sha512 -binary | base64``): names sorted without
regard to case, ``hash`` and ``encoding`` left out, ``\\`` → ``\\\\`` and ``|`` → ``\\|`` in
every value and in the store key."""

from shop.payment import cmi

# Raw strings: exactly the characters the gateway sees.
FIELDS = {
    "oid": "1234-1",
    "clientid": "600000000",
    "rnd": r"|pipe\back\\",
    "amount": "250.00",
    "lang": "fr",
    "BillToName": r"Sal\ma|K",
    "callbackUrl": "https://shop.test/cb",
    "currency": "504",
    "encoding": "UTF-8",
    "hash": "ignored",
}
STORE_KEY = r"S\\ecret|key"
PLAINTEXT = r"250.00|Sal\\ma\|K|https://shop.test/cb|600000000|504|fr|1234-1|\|pipe\\back\\\\|S\\\\ecret\|key"
HASH = "0efDmOdVoOqn0c0YRv1/mfyTuvxtrsDfuw5mDWkrThHijXRa/ttuSTLPvkYS3s2FmEvcjPokehrGeHSjMXGFjA=="


def test_the_plaintext_sorts_names_without_case_and_escapes_backslash_and_pipe():
    assert cmi.hash_plaintext(FIELDS, STORE_KEY) == PLAINTEXT


def test_the_hash_is_the_base64_of_the_sha512_digest():
    assert cmi.compute_hash(FIELDS, STORE_KEY) == HASH


def test_simple_vectors():
    assert (
        cmi.compute_hash({"b": "b", "a": "a", "c": "c"}, "key")
        == "iZDW6Az9VMmiZYfR5pyZYzrpvRgoJJ1huPdmWZzgg+czcKd9wzsczR+oaXDmYOZ7"
        "xvdFVVDp4AumhAgpy9OkIg=="
    )
    # Upper- and lower-case names interleave (b < C), values keep their case.
    assert (
        cmi.compute_hash({"C": "C", "b": "b", "a": "A", "ENCODING": "x", "HASH": "y"}, "k")
        == "TnRD+TBCsd/YjG+1Tt8+b8tgGpjmRB7tVQDpWS4252c+eZz2h9jduoM6w7kbWKNO"
        "3UVtLW/RJ7T7OH7MGxdsXA=="
    )


def test_verify_accepts_the_gateway_hash_under_either_name():
    assert cmi.verify_hash({**FIELDS, "hash": HASH}, STORE_KEY)
    gateway = {k: v for k, v in FIELDS.items() if k != "hash"}
    assert cmi.verify_hash({**gateway, "HASH": HASH}, STORE_KEY)


def test_verify_refuses_a_changed_value_a_wrong_key_or_no_hash():
    assert not cmi.verify_hash({**FIELDS, "hash": HASH, "amount": "2.50"}, STORE_KEY)
    assert not cmi.verify_hash({**FIELDS, "hash": HASH}, "other-key")
    assert not cmi.verify_hash({**FIELDS, "hash": ""}, STORE_KEY)
    assert not cmi.verify_hash({k: v for k, v in FIELDS.items() if k != "hash"}, STORE_KEY)
    # An escaped pipe must not let two fields be merged into one.
    merged = {**FIELDS, "rnd": "", "oid": r"1234-1||pipe\back\\", "hash": HASH}
    assert not cmi.verify_hash(merged, STORE_KEY)


def test_the_comparison_is_constant_time(monkeypatch):
    calls = []
    real = cmi.hmac.compare_digest
    monkeypatch.setattr(cmi.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    assert cmi.verify_hash({**FIELDS, "hash": HASH}, STORE_KEY)
    assert calls == [1]


def test_amounts_have_two_decimals():
    assert cmi.format_amount("250") == "250.00"
    assert cmi.format_amount("1234.5") == "1234.50"
    assert str(cmi.parse_amount("1234,50")) == "1234.50"
    assert cmi.parse_amount("abc") is None
