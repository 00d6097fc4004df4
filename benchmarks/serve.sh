#!/usr/bin/env bash
# Serve the checkout in the current folder as production would (DEBUG off, gunicorn, WhiteNoise's
# compressed and hashed static files), on plain HTTP for the benchmarks, with the demo data.
# Usage: (cd <checkout> && bash <path>/benchmarks/serve.sh [PORT])   # default 8114
# Its own database and files live in <checkout>/var/bench/ (built on the first run).
set -euo pipefail
PORT="${1:-8114}"
PY="${PYTHON:-.venv/bin/python}"
BENCH="$(pwd)/var/bench"
mkdir -p "$BENCH"
export DJANGO_SETTINGS_MODULE=marketplace.settings.production
export SECRET_KEY="benchmark-only-not-secret"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export DATABASE_URL="sqlite:///$BENCH/db.sqlite3"
export STATIC_ROOT="$BENCH/static" MEDIA_ROOT="$BENCH/media"
export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 SERVE_MEDIA=true
"$PY" manage.py compile_translations --verbosity 0
"$PY" manage.py migrate --verbosity 0
if [ ! -f "$BENCH/.demo-loaded" ]; then
    # The demo is refused under production settings (its passwords are public): load it with the
    # development settings into the same database and media folder.
    DJANGO_SETTINGS_MODULE=marketplace.settings.dev "$PY" manage.py load_demo --domain "127.0.0.1:$PORT" --verbosity 0 && touch "$BENCH/.demo-loaded"
fi
"$PY" manage.py collectstatic --noinput --verbosity 0
exec "$PY" -m gunicorn marketplace.wsgi --bind "127.0.0.1:$PORT" --workers 2 --access-logfile -
