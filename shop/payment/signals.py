"""Signals of the payment app, sent after the transaction commits.

* ``order_refunded`` (``order=, amount=, fully=``): staff refunded (part of) a card payment;
  ``fully`` is true once nothing is left to refund. The payouts ledger reverses the
  creators' earnings and the download links stop working on a full refund.
"""

from django.dispatch import Signal

order_refunded = Signal()
