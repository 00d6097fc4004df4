"""Shop pages under load, relative to a bare Django page, at 10,000 and 100,000 products.

    apt-get install -y wrk        # the Debian package
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chohtx_bench \\
        .venv/bin/python benchmarks/pages_wrk.py --sizes 10000 100000 --port 8181

Any PostgreSQL database whose name ends in `_bench` (or `_bench_<who>`) is accepted. The script
loads the demo into it once (development settings: production refuses the demo), grows the
catalogue to each size with the search benchmark's generator, rebuilds the search index, then
serves the project with
production settings and gunicorn (2 sync workers, `benchmarks/bare_wsgi.py`: the project plus a
bare template page at /bench-bare/) and drives every page with wrk (16 connections, 2 threads).
It prints requests per second per page, each page's ratio to the bare page of the same run, and
the machine's load average, since absolute figures drift between runs on a shared machine.

`--redis-url redis://127.0.0.1:6379/9` serves the full stack's cache (and sessions) from that Redis
database, emptied before each size; without it the cache is the embedded default's (files).
`--cache both` measures every size twice, with the whole-page cache off (`PAGE_CACHE_SECONDS=0`:
every page rendered) and on, side by side; `off` or `on` measures one of them.
`--pages basket "add to basket"` measures only those pages beside the bare page (names as printed).

Goals: list pages (home, catalogue, category, search, storefront) at least 1/10 of the bare page,
the product page 1/5, add-to-basket 1/10; figures at 100,000 within 20% of those at 10,000.
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import shop_pages  # noqa: E402 - benchmarks/pages.py, next to this file

BARE = "/bench-bare/"


def environment(url: str, var: Path, redis_url: str = "", page_cache: bool = True) -> dict[str, str]:
    return os.environ | {
        "REDIS_URL": redis_url,
        "VAR_DIR": str(var),
        "PAGE_CACHE_SECONDS": "600" if page_cache else "0",
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
        "SECRET_KEY": "benchmark-only-not-secret-" + "x" * 30,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": url,
        "STATIC_ROOT": str(var / "static"),
        "MEDIA_ROOT": str(var / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVE_MEDIA": "true",
        "ELASTICSEARCH_URL": "",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'benchmarks'}",
    }


def run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own interpreter and manage.py


def prepare(url: str, var: Path, size: int) -> None:
    """Demo once, then the generated products up to `size`, indexed (development settings)."""
    python = sys.executable
    dev = environment(url, var) | {"DJANGO_SETTINGS_MODULE": "marketplace.settings.dev"}
    run([python, "manage.py", "migrate", "--verbosity", "0"], dev)
    marker = var / f".demo-loaded-{url.rsplit('/', 1)[-1]}"
    if not marker.exists():
        run([python, "manage.py", "load_demo", "--domain", "127.0.0.1", "--verbosity", "0"], dev)
        marker.touch()
    run(
        [
            python,
            str(ROOT / "benchmarks" / "search_latency.py"),
            "--sizes",
            str(size),
            "--runs",
            "1",
            "--typo-queries",
            "0",
        ],
        dev,
    )  # grows, rebuilds the index, ANALYZE


def empty_caches(var: Path, redis_url: str) -> None:
    """Nothing cached from an earlier run (the generated products are bulk inserts, which bump no version)."""
    shutil.rmtree(var / "cache", ignore_errors=True)
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()


def serve(url: str, var: Path, port: int, redis_url: str = "", page_cache: bool = True) -> subprocess.Popen:
    empty_caches(var, redis_url)
    env = environment(url, var, redis_url, page_cache)
    python = sys.executable
    run([python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
    server = subprocess.Popen(  # noqa: S603
        [
            python,
            "-m",
            "gunicorn",
            "bare_wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for __ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{BARE}", timeout=5)  # noqa: S310
            return server
        except OSError:
            time.sleep(1)
    stop(server)
    raise SystemExit("gunicorn did not answer within two minutes")


def stop(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def add_to_basket_script(base: str, product_url: str, folder: Path) -> Path:
    """A wrk script POSTing the product's add-to-basket form with a valid CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(product_url, timeout=60).read().decode()
    action = re.search(r'action="(/basket/add/\d+/)"', html)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    cookie = next((c.value for c in jar if c.name == "csrftoken"), None)
    if not (action and token and cookie):
        raise SystemExit("no add-to-basket form with a CSRF token on the product page")
    script = folder / "add_to_basket.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f'wrk.path = "{action.group(1)}"\n'
        f'wrk.body = "quantity=1&csrfmiddlewaretoken={token.group(1)}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = "csrftoken={cookie}"\n'
        f'wrk.headers["Referer"] = "{product_url}"\n',
        encoding="utf-8",
    )
    return script


def wrk(url: str, seconds: int, script: Path | None = None) -> float:
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--timeout", "30s"]
    if script is not None:
        args += ["-s", str(script)]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        print(f"    ({errors.group(1)} error responses on {url})")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


ADD_TO_BASKET = "add to basket"


def measure(base: str, seconds: int, folder: Path, only: list[str] | None = None) -> dict[str, float]:
    """Requests per second of the bare page and each shop page (`only`: those named, by name)."""
    found = shop_pages(base, more=True)
    product_url = found["product"]
    if only:
        found = {name: url for name, url in found.items() if name in only}
    pages = {"bare page": base + BARE.lstrip("/")} | found
    served = {}
    for name, url in pages.items():  # warm: thumbnails, caches, both workers
        for __ in range(4):
            with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310
                response.read()
                served[name] = response.headers.get("X-Page-Cache", "-")
    print(
        "  page cache after warming: " + ", ".join(f"{n} {s}" for n, s in served.items() if n != "bare page")
    )
    figures = {name: wrk(url, seconds) for name, url in pages.items()}
    if not only or ADD_TO_BASKET in only:
        figures[ADD_TO_BASKET] = wrk(base, seconds, add_to_basket_script(base, product_url, folder))
    return figures


def report(label: str, figures: dict[str, float]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    bare = figures["bare page"]
    print(f"  {label} — load average after the run: {load} ({os.cpu_count()} cores)")
    print(f"  {'page':<22} {'req/s':>8} {'× bare':>8}")
    for name, rate in figures.items():
        print(f"  {name:<22} {rate:>8.1f} {rate / bare:>8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--port", type=int, default=8181)
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per page")
    parser.add_argument(
        "--redis-url", default="", help="the full stack's cache, e.g. redis://127.0.0.1:6379/9"
    )
    parser.add_argument("--cache", choices=["on", "off", "both"], default="on", help="the whole-page cache")
    parser.add_argument(
        "--pages",
        nargs="+",
        metavar="NAME",
        help='only these pages beside the bare page, as printed: --pages basket "add to basket"',
    )
    parser.add_argument(
        "--prepared", action="store_true", help="the database already holds the size: measure at once"
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or not re.search(r"_bench(_\w+)?$", url.rstrip("/")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database whose name ends in _bench (chohtx_bench).")
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    from search_latency import ensure_database

    ensure_database(url)
    var = ROOT / "var" / "bench-pages"
    var.mkdir(parents=True, exist_ok=True)
    modes = {"on": [True], "off": [False], "both": [False, True]}[args.cache]
    results: dict[tuple[int, bool], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            print(f"== {size:,} products: preparing", flush=True)
            if not args.prepared:
                prepare(url, var, size)
            for page_cache in modes:
                server = serve(url, var, args.port, args.redis_url, page_cache)
                try:
                    figures = measure(
                        f"http://127.0.0.1:{args.port}/", args.seconds, Path(folder), args.pages
                    )
                finally:
                    stop(server)
                results[(size, page_cache)] = figures
                report(f"{size:,} products, page cache {'on' if page_cache else 'off'}", figures)
    for page_cache in modes:
        sizes = sorted(size for size, cached in results if cached == page_cache)
        if len(sizes) > 1:
            first, last = results[(sizes[0], page_cache)], results[(sizes[-1], page_cache)]
            print(
                f"== page cache {'on' if page_cache else 'off'}: ratio to bare page at {sizes[-1]:,} "
                f"against {sizes[0]:,} products"
            )
            for name in first:
                before = first[name] / first["bare page"]
                after = last[name] / last["bare page"]
                print(f"  {name:<22} {after / before:>8.2f}")


if __name__ == "__main__":
    main()
