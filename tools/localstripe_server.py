"""Run localstripe (the fake Stripe server) bound to 127.0.0.1 only.

Runs under its own virtualenv (`.venv-localstripe`, see docs/testing.md): localstripe's command line
listens on every interface and has no host option, so it is started from Python instead:

    .venv-localstripe/bin/python tools/localstripe_server.py 8420
"""

import sys

if __name__ == "__main__":
    from aiohttp import web
    from localstripe.server import app

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8420
    web.run_app(app, host="127.0.0.1", port=port, print=None)
