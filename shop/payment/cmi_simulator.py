"""A local stand-in for CMI's hosted payment page: the gateway's side of the protocol.

Answers only when ``DEBUG`` or ``CMI_SIMULATOR`` is true (``production.py`` forces
``CMI_SIMULATOR`` off); 404 otherwise. ``make demo`` points ``CMI_GATEWAY_URL`` here
(``config/settings/dev.py``). Like the real gateway it:

1. receives the shop's form (``gateway``), checks its version-3 hash with the store key and
   shows a payment page with "approve", "decline" and "abandon";
2. on approve or decline (``decide``), signs its answer with the same scheme (``HASH``),
   posts it to ``callbackUrl`` server to server, then sends the browser to ``okUrl`` or
   ``failUrl`` with the same signed fields (an auto-submitted form);
3. on abandon, sends the browser back to ``shopurl`` with nothing signed.

Switching ``CMI_CLIENT_ID``, ``CMI_STORE_KEY`` and ``CMI_GATEWAY_URL`` to CMI's test gateway
is the only change needed to leave the simulator.
"""

import logging
import secrets

import requests
from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.sites import domain

from . import cmi

logger = logging.getLogger(__name__)

APPROVE, DECLINE, ABANDON = "approve", "decline", "abandon"
TEST_PAN = "4543 59** **** 1234"

# Tests replace this with a function ``(url, data) -> (status, text)`` that calls the view
# through Django's test client; by default the simulator posts over HTTP like CMI.
CALLBACK_POSTER = None


def enabled():
    return bool(settings.DEBUG or getattr(settings, "CMI_SIMULATOR", False))


def post_callback(url, data):
    """POST the signed answer to the shop's ``callbackUrl``: ``(status, body)``."""
    if CALLBACK_POSTER is not None:
        return CALLBACK_POSTER(url, data)
    try:
        response = requests.post(url, data=data, timeout=10)
    except requests.RequestException as error:
        logger.warning("CMI simulator: callback to %s failed: %s", url, error)
        return 0, str(error)
    return response.status_code, response.text.strip()


def signed_answer(fields, decision):
    """The gateway's answer: the shop's fields echoed, the result, and a fresh ``HASH``."""
    answer = {
        key: value for key, value in fields.items() if key.lower() not in ("hash", "decision")
    }
    approved = decision == APPROVE
    answer.update(
        {
            "ProcReturnCode": cmi.APPROVED_CODE if approved else "05",
            "Response": "Approved" if approved else "Declined",
            "ErrMsg": "" if approved else "Not sufficient funds (simulator)",
            "mdStatus": "1",
            "TransId": f"SIM{secrets.token_hex(6).upper()}",
            "AuthCode": f"{secrets.randbelow(10**6):06d}" if approved else "",
            "HostRefNum": f"{secrets.randbelow(10**12):012d}",
            "EXTRA.CARDBRAND": "VISA",
            "MaskedPan": TEST_PAN.replace(" ", ""),
            "EXTRA.TRXDATE": timezone.now().strftime("%Y%m%d %H:%M:%S"),
            "HASHALGORITHM": cmi.HASH_ALGORITHM,
        }
    )
    answer["HASH"] = cmi.compute_hash(answer, settings.CMI_STORE_KEY)
    return answer


def _checked(request):
    if not enabled():
        raise Http404
    fields = request.POST.dict()
    fields.pop("csrfmiddlewaretoken", None)
    decision = fields.pop("decision", "")
    valid = cmi.verify_hash(fields, settings.CMI_STORE_KEY) and (
        fields.get("clientid") == settings.CMI_CLIENT_ID
    )
    return fields, decision, valid


def _language(fields):
    lang = fields.get("lang", "fr")
    return lang if lang in ("fr", "ar", "en") else "fr"


def _error(request, fields):
    with translation.override(_language(fields)):
        return render(request, "payment/cmi_simulator.html", {"invalid": True}, status=400)


@csrf_exempt
@never_cache
@require_POST
@transaction.non_atomic_requests
def gateway(request):
    """CMI's payment page: the shop's browser posts the signed form here."""
    fields, _decision, valid = _checked(request)
    if not valid:
        return _error(request, fields)
    with translation.override(_language(fields)):
        return render(
            request,
            "payment/cmi_simulator.html",
            {"fields": sorted(fields.items()), "amount": fields.get("amount"), "pan": TEST_PAN},
        )


@csrf_exempt
@never_cache
@require_POST
@transaction.non_atomic_requests
def decide(request):
    """The client's choice on the payment page: callback, then the browser's return."""
    fields, decision, valid = _checked(request)
    if not valid or decision not in (APPROVE, DECLINE, ABANDON):
        return _error(request, fields)
    if decision == ABANDON:
        shop_url = fields.get("shopurl", "")
        if url_has_allowed_host_and_scheme(shop_url, allowed_hosts={request.get_host(), domain()}):
            return redirect(shop_url)
        return _error(request, fields)
    answer = signed_answer(fields, decision)
    status, body = post_callback(fields.get("callbackUrl", ""), answer)
    logger.info("CMI simulator: callback answered %s %r", status, body)
    target = fields.get("okUrl" if decision == APPROVE else "failUrl", "")
    with translation.override(_language(fields)):
        return render(
            request,
            "payment/cmi_simulator_return.html",
            {"target": target, "fields": sorted(answer.items()), "callback_answer": body},
        )
