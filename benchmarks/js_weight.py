"""JavaScript weight of the shop pages: every script a page loads (files and inline blocks), each
compressed with gzip (level 6, as a web server would), per page and in total.

    .venv/bin/python benchmarks/js_weight.py http://127.0.0.1:8114

Drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through Playwright; the server
must have the demo data (benchmarks/serve.sh starts one). The budget for a shop page is 50 KB.
"""

import argparse
import gzip
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import shop_pages  # noqa: E402

BUDGET = 50 * 1024
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure(page, url: str) -> list[tuple[str, int, int]]:
    scripts: list[tuple[str, int, int]] = []

    def on_response(response):
        if response.request.resource_type == "script" and response.ok:
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                return
            scripts.append((response.url, len(body), gzipped(body)))

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", on_response)
    inline = page.evaluate(
        "[...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/.test(s.type)))"
        ".map(s => s.textContent)"
    )
    for index, text in enumerate(inline, start=1):
        data = text.encode()
        scripts.append((f"(inline script {index})", len(data), gzipped(data)))
    return scripts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8114")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each script")
    options = parser.parse_args()
    pages = shop_pages(options.base_url, more=True)
    over = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=ARGS
        )
        page = browser.new_page(viewport={"width": 360, "height": 740})
        print(f"{'page':<14}{'scripts':>8}{'raw KB':>10}{'gzip KB':>10}  budget 50 KB")
        for name, url in pages.items():
            scripts = measure(page, url)
            raw = sum(size for __, size, __ in scripts)
            packed = sum(size for __, __, size in scripts)
            flag = "ok" if packed <= BUDGET else "OVER"
            over += packed > BUDGET
            print(f"{name:<14}{len(scripts):>8}{raw / 1024:>10.1f}{packed / 1024:>10.1f}  {flag}")
            if options.verbose:
                for script_url, size, packed_size in scripts:
                    print(f"    {packed_size / 1024:>7.1f} KB gzip  {size / 1024:>7.1f} KB  {script_url}")
        browser.close()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
