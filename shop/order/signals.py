"""Signals of the order parts, both sent after the transaction commits.

* ``part_paid`` (``part=``): a creator's part became paid (cash handed over, bank transfer
  confirmed, card payment confirmed).
* ``part_status_changed`` (``part=, old=, new=, by=``): a part moved in its pipeline;
  ``by`` is who moved it (None for the system).
"""

from django.dispatch import Signal

part_paid = Signal()
part_status_changed = Signal()
