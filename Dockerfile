# Chợ HTX: one image for the web app, the Celery worker and Celery beat (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user with a real home (gunicorn keeps its control socket in ~/.gunicorn).
RUN groupadd --system --gid 1000 chohtx \
    && useradd --system --uid 1000 --gid chohtx --create-home --home-dir /home/chohtx chohtx

WORKDIR /app

# DejaVu Sans draws Vietnamese in the monthly statements' PDFs (marketplace/ledger/exports.py).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so that code changes do not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# The code stays root-owned and read-only to the app; only var/ (media, static, beat schedule) is writable.
# Translations are compiled with Babel at build time (no GNU gettext; the dev settings need no variables).
RUN DJANGO_SETTINGS_MODULE=marketplace.settings.dev python manage.py compile_translations --verbosity 0 \
    && mkdir -p var/media var/static \
    && chown -R chohtx:chohtx var

USER chohtx

ENV DJANGO_SETTINGS_MODULE=marketplace.settings.production
EXPOSE 8000
CMD ["gunicorn", "marketplace.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
