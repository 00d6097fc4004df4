"""Lighthouse (mobile preset: a mid-range phone on slow 4G, simulated) on home, a category, a product
and search: performance, accessibility, best practices, SEO and cumulative layout shift per page.

    (cd benchmarks && npm ci)                      # once: Lighthouse into benchmarks/node_modules
    .venv/bin/python benchmarks/lighthouse.py http://127.0.0.1:8114 [-v]

Lighthouse drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium); it never downloads a
browser. -v lists what keeps each category below 100 (failed audits) and the slowest metrics. The
targets: performance >= 95, accessibility 100, best practices >= 95, SEO 100, CLS <= 0.05.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from pages import shop_pages  # noqa: E402

LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")


def run_lighthouse(url: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        subprocess.run(  # noqa: S603 (our own Lighthouse, our own arguments)
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={output}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            check=True,
            env=env,
        )
        return json.loads(output.read_text())


def blockers(report: dict) -> list[str]:
    """Audits that cost points, per category (weighted audits with a score below 1)."""
    lines = []
    audits = report["audits"]
    for key in CATEGORIES:
        category = report["categories"][key]
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or ""
                lines.append(
                    f"    {key}: {audit['id']} ({audit['score']:.2f}) {audit['title']} {shown}".rstrip()
                )
    for metric in METRICS:
        audit = audits.get(metric)
        if audit:
            lines.append(f"    metric: {metric} = {audit.get('displayValue', '')}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8114")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the audits that cost points")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` in benchmarks/ first")
    missed = 0
    print(f"{'page':<10}{'perf':>6}{'a11y':>6}{'b.p.':>6}{'seo':>6}{'CLS':>8}  url")
    for name, url in shop_pages(options.base_url).items():
        report = None
        for attempt in range(3):  # Lighthouse sometimes loses the trace on a busy machine (NO_NAVSTART)
            try:
                report = run_lighthouse(url)
                break
            except subprocess.CalledProcessError:
                print(f"{name}: Lighthouse failed (attempt {attempt + 1} of 3)", file=sys.stderr)
        if report is None:
            print(f"{name:<10}  no result  {url}")
            missed += 1
            continue
        scores = {key: round(100 * (report["categories"][key]["score"] or 0)) for key in CATEGORIES}
        cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
        missed += any(scores[key] < TARGETS[key] for key in CATEGORIES) or cls > 0.05
        print(
            f"{name:<10}{scores['performance']:>6}{scores['accessibility']:>6}"
            f"{scores['best-practices']:>6}{scores['seo']:>6}{cls:>8.3f}  {url}"
        )
        if options.verbose:
            print("\n".join(blockers(report)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
