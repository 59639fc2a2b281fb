"""A stand-in for a browser's push service (Firefox's autopush, Google's FCM), on 127.0.0.1.

The site sends a notice by POSTing to the subscription's endpoint; this server is that
endpoint. It checks what a real push service checks and what only the browser can check:

* the VAPID ``Authorization: vapid t=<JWT>, k=<public key>`` header (RFC 8292): ``k`` is the
  site's ``VAPID_PUBLIC_KEY``, the JWT is ES256-signed by its private key, ``aud`` is the
  origin of the endpoint, ``exp`` is in the future (and within 24 hours), ``sub`` is set;
* the body is an ``aes128gcm`` encrypted payload (RFC 8188 / RFC 8291), which it decrypts
  with the device's private ECDH key and auth secret — the half a browser keeps, generated
  here by ``new_device()`` — into the JSON the service worker would receive.

A request that fails a check is answered 401 (and recorded with its ``error``), like a
push service refusing it. ``answer_with(device, status)`` makes the next requests to one
device's endpoint answer e.g. 410 Gone (the browser dropped the subscription).

Usage::

    with PushService() as service:
        device = service.new_device()
        ... subscribe with device.subscription() ...
        [notice] = service.received_by(device)  # notice.payload is the decrypted JSON
"""

import base64
import json
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Device:
    """The browser's half of a subscription: its ECDH key pair and auth secret."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    @property
    def token(self):
        return self.endpoint.rsplit("/", 1)[-1]

    def subscription(self, **extra):
        """What ``PushSubscription.toJSON()`` gives the page (``push.js`` posts it)."""
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        keys = {"p256dh": b64url_encode(public), "auth": b64url_encode(self.auth_secret)}
        return {"endpoint": self.endpoint, "keys": keys, **extra}


@dataclass
class Notice:
    """One POST received: its token, headers (lower-case names), VAPID claims and the
    decrypted JSON payload."""

    token: str
    headers: dict
    claims: dict = field(default_factory=dict)
    payload: dict | None = None
    error: str = ""


class PushService:
    def __init__(self, vapid_public_key=None):
        self.vapid_public_key = vapid_public_key  # base64url; None: read from settings
        self.devices = {}
        self.notices = []
        self.answers = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.origin = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- life cycle ---------------------------------------------------------------------
    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    # -- the browser's side -------------------------------------------------------------
    def new_device(self):
        device = Device(
            endpoint=f"{self.origin}/push/{uuid.uuid4().hex}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth_secret=os.urandom(16),
        )
        self.devices[device.token] = device
        return device

    def answer_with(self, device, status):
        self.answers[device.token] = status

    def received_by(self, device):
        """The notices this device accepted (checks passed, payload decrypted)."""
        return [n for n in self.notices if n.token == device.token and not n.error]

    def refused(self):
        return [n for n in self.notices if n.error]

    # -- the checks ---------------------------------------------------------------------
    def _public_key(self):
        if self.vapid_public_key:
            return self.vapid_public_key
        from django.conf import settings

        return settings.VAPID_PUBLIC_KEY

    def check_vapid(self, authorization):
        """The claims of a valid VAPID header; ``ValueError`` says what is wrong."""
        scheme, _space, params = (authorization or "").partition(" ")
        if scheme.lower() != "vapid":
            raise ValueError(f"not a vapid Authorization header: {authorization!r}")
        values = dict(part.strip().split("=", 1) for part in params.split(",") if "=" in part)
        if values.get("k") != self._public_key():
            raise ValueError("k is not the site's VAPID public key")
        header_b64, claims_b64, signature_b64 = values["t"].split(".")
        header = json.loads(b64url_decode(header_b64))
        if header.get("alg") != "ES256":
            raise ValueError(f"alg is {header.get('alg')!r}, not ES256")
        signature = b64url_decode(signature_b64)
        if len(signature) != 64:
            raise ValueError("an ES256 signature is 64 bytes (r || s)")
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), b64url_decode(values["k"])
        )
        der = encode_dss_signature(
            int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        )
        try:
            public_key.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature as error:
            raise ValueError("the JWT signature does not match the public key") from error
        claims = json.loads(b64url_decode(claims_b64))
        if claims.get("aud") != self.origin:
            raise ValueError(f"aud is {claims.get('aud')!r}, not {self.origin!r}")
        now = time.time()
        if not now < int(claims.get("exp", 0)) <= now + 24 * 3600:
            raise ValueError("exp is not within the next 24 hours")
        if not claims.get("sub"):
            raise ValueError("sub is missing")
        return claims

    def decrypt(self, device, body, headers):
        if headers.get("content-encoding") != "aes128gcm":
            raise ValueError(f"Content-Encoding is {headers.get('content-encoding')!r}")
        plain = http_ece.decrypt(
            body,
            private_key=device.private_key,
            auth_secret=device.auth_secret,
            version="aes128gcm",
        )
        return json.loads(plain)

    def _receive(self, token, headers, body):
        notice = Notice(token=token, headers=headers)
        device = self.devices.get(token)
        try:
            if device is None:
                raise LookupError("unknown endpoint")
            if "ttl" not in headers:
                raise ValueError("the TTL header is missing")
            notice.claims = self.check_vapid(headers.get("authorization"))
            notice.payload = self.decrypt(device, body, headers)
        except LookupError as error:
            notice.error = str(error)
            status = 404
        except Exception as error:  # noqa: BLE001 - any failed check is a refusal
            notice.error = f"{error.__class__.__name__}: {error}"
            status = 401
        else:
            status = self.answers.get(token, 201)
        with self._lock:
            self.notices.append(notice)
        return status

    def _handler_class(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                token = self.path.rstrip("/").rsplit("/", 1)[-1]
                headers = {name.lower(): value for name, value in self.headers.items()}
                status = service._receive(token, headers, body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):  # quiet test output
                pass

        return Handler
