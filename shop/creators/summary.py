"""The stat cards of the creator-space summary (``/shop/my-shop/``).

The creator space shows its own numbers; the apps around it (quotes, payouts) add theirs with
``register(provider)`` from their ``AppConfig.ready()``, so the creator space imports none of
them: ``provider(partner)`` returns a list of ``Stat``.
"""

from dataclasses import dataclass


@dataclass
class Stat:
    """One card of the creator-space summary."""

    value: object
    label: str
    url: str = ""
    alert: bool = False
    wide: bool = False  # amounts: a whole row on a phone


_providers = []


def register(provider, position=50):
    """Add ``provider(partner) -> [Stat, …]`` to the summary, cards in ``position`` order."""
    if all(registered is not provider for _position, registered in _providers):
        _providers.append((position, provider))
        _providers.sort(key=lambda entry: entry[0])


def registered_stats(partner):
    return [stat for _position, provider in _providers for stat in provider(partner)]
