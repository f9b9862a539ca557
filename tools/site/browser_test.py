#!/usr/bin/env python3
"""The audit site in a real browser (issue #14, 4): builds a dataset of
corpus/, writes its site with `gongkai site`, and loads every page in
headless Chromium (Debian's, installed by tools/setup.sh), driven over the
DevTools protocol (tools/site/cdp.py). It fails unless:

- no page logs a console error, throws, or fails to load a resource;
- no request leaves the site's folder (file:// under it, or data:);
- the report page of corpus/real/hongze-2023.pdf shows its two table-4
  totals as likely misprints (data-state="misprint") and their parts as
  broken, and every drawn cell carries data-figure and data-state;
- a phone-width screen (375 px) needs no sideways scrolling of the page;
- the page prints (Page.printToPDF);
- a screenshot of that report page matches tests/site/hongze-2023-report.png
  within a tolerance (--update-reference writes it anew).

Usage: browser_test.py --gongkai build/gongkai [--chromium PATH]
"""
import argparse
import base64
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REFERENCE = os.path.join(SOURCE, "tests", "site", "hongze-2023-report.png")
# At most this share of the screenshot's pixels may differ from the
# reference (font rasterization differs a little between builds).
TOLERANCE = 0.02

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def problems_of(events, site_url):
    """Returns what the events of one page load say went wrong."""
    out = []
    for e in events:
        m, p = e["method"], e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console error: " + str(p.get("args")))
        elif m == "Runtime.exceptionThrown":
            out.append("exception: " + str(p.get("exceptionDetails", {}).get("text")))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            out.append("log error: " + p["entry"].get("text", ""))
        elif m == "Network.loadingFailed":
            out.append("failed to load: " + p.get("errorText", ""))
        elif m == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not (url.startswith(site_url) or url.startswith("data:")):
                out.append("request outside the site: " + url)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gongkai", required=True)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--update-reference", action="store_true")
    args = ap.parse_args()
    gongkai = os.path.abspath(args.gongkai)
    if not os.path.exists(args.chromium):
        print("browser_test: no Chromium at", args.chromium,
              "(tools/setup.sh installs Debian's chromium)")
        return 1
    work = tempfile.mkdtemp(prefix="gongkai-site-")
    try:
        db, site = os.path.join(work, "d.db"), os.path.join(work, "site")
        # Relative paths, so that pages (and the screenshot) do not depend
        # on where the checkout is.
        subprocess.run([gongkai, "ingest", "--db", db, "corpus"], cwd=SOURCE,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([gongkai, "site", "--db", db, "--out", site], cwd=SOURCE,
                       check=True)
        site_url = "file://" + site + "/"
        pages = []
        for root, _, files in os.walk(site):
            pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
        pages.sort()
        check(len(pages) > 20, f"the site has {len(pages)} pages")
        browser = cdp.Browser(args.chromium, os.path.join(work, "profile"))
        try:
            run_checks(browser, site, site_url, pages, args.update_reference)
        finally:
            browser.close()
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("browser_test: site kept in", work)
    print(f"browser_test: {len(failures)} failures")
    return 1 if failures else 0


def run_checks(browser, site, site_url, pages, update_reference):
    browser.open_page()
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 900, "height": 1400, "deviceScaleFactor": 1,
                  "mobile": False})
    for page in pages:
        for problem in problems_of(browser.navigate("file://" + page), site_url):
            check(False, os.path.relpath(page, site) + ": " + problem)
        undrawn = browser.evaluate(
            "document.querySelectorAll('td[data-figure]:not([data-state])')"
            ".length")
        check(undrawn == 0, f"{page}: {undrawn} cells without data-state")

    sha = subprocess.run(["sha256sum", os.path.join(SOURCE, "corpus/real/hongze-2023.pdf")],
                         capture_output=True, text=True, check=True).stdout[:64]
    report = os.path.join(site, "reports", sha + ".html")
    check(os.path.exists(report), "no report page for hongze-2023.pdf")
    browser.navigate("file://" + report)
    state = lambda fig: browser.evaluate(  # noqa: E731
        f"(document.querySelector('[data-figure=\"{fig}\"]') || {{}}).dataset"
        f"?.state || null")
    check(state("appeals.review.total") == "misprint",
          "appeals.review.total is not shown as a likely misprint")
    check(state("appeals.suit_after_review.total") == "misprint",
          "appeals.suit_after_review.total is not shown as a likely misprint")
    check(state("appeals.review.upheld") == "broken",
          "appeals.review.upheld is not shown in a broken check")
    check(state("appeals.suit_direct.total") == "read",
          "appeals.suit_direct.total is not shown as read")
    images = browser.evaluate(
        "Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length")
    check(images >= 1, "the report page shows no rendered page image")

    # The screenshot shows table 4, where the misprints are.
    browser.evaluate("document.querySelector('table[data-table=\"appeals\"]')"
                     ".scrollIntoView({block: 'center'})")
    shot = base64.b64decode(browser.call(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"])
    if update_reference:
        os.makedirs(os.path.dirname(REFERENCE), exist_ok=True)
        with open(REFERENCE, "wb") as f:
            f.write(shot)
        print("browser_test: wrote", REFERENCE)
    else:
        with open(REFERENCE, "rb") as f:
            share = cdp.differing_share(shot, f.read())
        print(f"browser_test: screenshot differs from the reference in {share:.4f} of its pixels")
        check(share <= TOLERANCE, f"screenshot differs in {share:.4f} of its pixels")

    pdf = browser.call("Page.printToPDF", {})["data"]
    check(len(pdf) > 1000, "the report page does not print")

    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    for page in (os.path.join(site, "index.html"), report):
        browser.navigate("file://" + page)
        width = browser.evaluate("document.documentElement.scrollWidth")
        check(width <= 376, f"{os.path.basename(page)} is {width} px wide on a 375 px screen")


if __name__ == "__main__":
    sys.exit(main())
