"""Lighthouse's PWA and accessibility audits on the stand screen, when Lighthouse is there.

Lighthouse is not a project dependency (Node): set ``LIGHTHOUSE`` to its command to run
this test, e.g. ``npm i -E lighthouse@11.7.1`` in a scratch folder (11 is the last version
with the PWA category; 12 dropped it) and ``LIGHTHOUSE=<folder>/node_modules/.bin/lighthouse``.
Without it the test is skipped; the installability check of test_stand_app.py (Chromium's own
``Page.getInstallabilityErrors``, which Lighthouse's "installable-manifest" audit reads) runs
always."""

import json
import os
import subprocess

import pytest

from tests.browser.shop.test_stand_app import sign_in
from tests.factories import ProductFactory
from tests.factories.partner import creator_with_shop

pytestmark = pytest.mark.browser

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "")


@pytest.mark.skipif(not LIGHTHOUSE, reason="set LIGHTHOUSE to the lighthouse command")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_lighthouse_finds_no_pwa_or_accessibility_failure(page, live_server, lang, tmp_path):
    creator = creator_with_shop()
    ProductFactory(partner=creator.shop, kind="physical", title="Lampe en cuivre")
    sign_in(page, live_server, creator, lang)
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    report = tmp_path / "report.json"
    subprocess.run(
        [
            LIGHTHOUSE,
            f"{live_server.url}/{lang}/shop/my-shop/stand/",
            "--only-categories=pwa,accessibility",
            "--form-factor=mobile",
            "--screenEmulation.width=360",
            "--output=json",
            f"--output-path={report}",
            f"--extra-headers={json.dumps({'Cookie': cookies})}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ],
        check=True,
        timeout=240,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    result = json.loads(report.read_text())
    assert result["finalDisplayedUrl"].endswith(f"/{lang}/shop/my-shop/stand/")
    failures = {}
    for category in ("pwa", "accessibility"):
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if audit["scoreDisplayMode"] in ("binary", "numeric") and audit["score"] is not None:
                if audit["score"] < 1:
                    failures[ref["id"]] = audit.get("title")
    # Served over plain HTTP by the test server: HTTPS redirects are the deployment's job
    # (SECURE_SSL_REDIRECT in production), not the page's.
    failures.pop("redirects-http", None)
    assert failures == {}
