"""Print a new VAPID key pair for Web Push, as lines for ``.env``.

The public key is what browsers receive (``applicationServerKey``); the private key signs
each push request and must stay secret. Changing the pair later makes every existing
subscription useless (browsers bind a subscription to the public key): devices turn
notifications on again from the settings page.
"""

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate():
    """``(public, private)``: the uncompressed P-256 point and the raw 32-byte secret."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(public), b64url(private)


class Command(BaseCommand):
    help = "Print a new VAPID key pair for Web Push (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--subject",
            default="mailto:contact@takafamap.ma",
            help="How push services reach the operators (mailto: or https:).",
        )

    def handle(self, *args, **options):
        public, private = generate()
        self.stdout.write(f"VAPID_PUBLIC_KEY={public}")
        self.stdout.write(f"VAPID_PRIVATE_KEY={private}")
        self.stdout.write(f"VAPID_SUBJECT={options['subject']}")
