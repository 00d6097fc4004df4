"""Run localstripe (the fake Stripe server) bound to 127.0.0.1 only.

Runs under its own virtualenv (`.venv-localstripe`, see README): localstripe's command line
listens on every interface and has no host option, so it is started from Python instead:

    .venv-localstripe/bin/python payments/localstripe_server.py 8420
"""

import os
import sys

# Python puts this script's folder first on the path; its `selectors.py` (payments' reads) would
# then hide the standard library's `selectors`, which asyncio needs.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != HERE]

if __name__ == "__main__":
    from aiohttp import web
    from localstripe.server import app

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8420
    web.run_app(app, host="127.0.0.1", port=port, print=None)
