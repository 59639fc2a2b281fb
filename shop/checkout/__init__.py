"""Checkout: the route from a basket to a paid order (Oscar's checkout app, forked).

URLs are under ``/<lang>/shop/checkout/`` (``checkout:``), ``/shop/pay/`` (``payment:``),
``/payments/stripe/webhook/`` and ``/payments/cmi/`` (CMI's callback and returns). Read in
this order:

1. **Basket** (Oscar's ``basket`` app, not forked). Lines are priced by
   ``shop/partner/strategy.py`` (a shop on vacation sells nothing; an accepted quote's line
   is priced from the quote). ``templates/oscar/basket/`` shows each creator's part
   (``{% creator_parts %}``, shop/order/templatetags/order_tags.py).
2. **Details and delivery**: ``views.ShippingAddressView`` with ``forms.DetailsForm``: contact,
   and for each creator one way among those they offer, planned by
   ``shop/order/delivery_plan.py`` (``basket_groups``, ``build_plan``; pickup at a hub or a
   L'Karfour stand, delivery at the creator's fee, digital, arranged). ``session.py`` keeps
   the choices and turns the plan's fees into one Oscar shipping charge
   (``delivery_plan.FulfilmentCharges``). ``views.ShippingMethodView`` only skips ahead.
3. **Payment method**: ``views.PaymentMethodView`` with ``forms.PaymentMethodForm``; which
   methods are on (cash, bank transfer, card) is answered by
   ``shop/order/payment_methods.py`` only.
4. **Preview and placement**: ``views.PaymentDetailsView`` (Oscar's) with
   ``mixins.OrderPlacementMixin``: takes no money, locks the basket, and places the order
   through ``shop/order/utils.py`` (``OrderCreator``: stock locked and checked, one
   ``OrderPart`` per creator, all in one transaction). Oscar's ``order_placed`` signal fires
   → ``shop.quotes.receivers.on_order_placed`` (ties paid quotes to the order); after
   commit ``shop/order/emails.send_order_placed`` writes to the client and each creator.
5. **After placement**: ``views.ThankYouView``; guests keep ``views.OrderStatusView`` (a
   signed link), everyone ``views.ReceiptView``; a bank transfer's receipt is uploaded with
   ``views.BankReceiptUploadView`` (form in ``shop/order/forms.py``).
6. **Paid**, one of three ways, all through ``shop/order/services.py``:
   - card: ``shop/payment/views.CardPaymentView`` (Stripe's Payment Element, a PaymentIntent
     from ``shop/payment/stripe_gateway.py``); Stripe calls ``payment_views.stripe_webhook``
     → ``stripe_gateway.handle_event`` → ``services.mark_order_paid``;
   - card in Morocco: the order waits with status "Awaiting card payment";
     ``shop/payment/cmi_views.CmiPayView`` posts the signed form to CMI's page; CMI's
     callback and the browser's return (``cmi_views.callback`` / ``browser_return``) →
     ``shop/payment/cmi.handle_notification`` (hash, amount, row lock, once) →
     ``services.mark_order_paid``; unpaid after ``CMI_PAYMENT_TIMEOUT_MINUTES``, the
     ``release_unpaid_card_orders`` command cancels its parts (stock back on sale);
   - bank transfer: staff confirm it in Django's admin (``shop/order/admin.py``) →
     ``services.mark_order_paid``;
   - cash: each creator marks their part paid in the creator space
     (``shop/creators/orders.py``) → ``services.mark_part_paid``.
   ``services.record_payment_event`` is the only writer of Oscar payment events ("Paid", and
   "Refunded" for ``stripe_gateway.refund``).
7. **Signals** (``shop/order/signals.py``, sent after commit):
   - ``part_paid`` → ``shop.payouts.receivers.record_earnings`` (the creators' ledger),
     ``shop.downloads.receivers.grant_downloads`` (links for digital products),
     ``shop.quotes.receivers.on_part_paid``;
   - ``part_status_changed`` (creator moves a part: ``services.set_part_status``) →
     ``shop.quotes.receivers.on_part_status_changed``, and the client's email
     (``emails.send_status_changed``);
   - ``shop/payment/signals.order_refunded`` (staff refund a card payment from the admin,
     ``shop/payment/admin.py``, or record a CMI refund, ``shop/payment/cmi_admin.py``)
     → ``shop.payouts.receivers.reverse_earnings``,
     ``shop.downloads.receivers.revoke_downloads``.
   The receivers are connected in their apps' ``AppConfig.ready()``.

Dependencies run one way (import-linter contract "shop" in pyproject.toml): checkout →
payment → order; the order app never imports checkout or payment.
"""
