"""The project's WSGI application plus one bare page, for the page benchmark's reference.

`/bench-bare/` renders a small template through Django (no middleware, no database), served by the
same gunicorn workers as the shop, so the shop's pages can be compared with the framework's own
limit in the same run. Used only by benchmarks/pages_wrk.py; never deployed.
"""

from django.template import engines

from marketplace.wsgi import application as shop

BARE_PATH = "/bench-bare/"
_TEMPLATE = engines["django"].from_string(
    '<!doctype html><html lang="vi"><head><title>{{ title }}</title></head>'
    "<body><h1>{{ title }}</h1><ul>{% for n in numbers %}<li>{{ n }}</li>{% endfor %}</ul></body></html>"
)


def application(environ, start_response):
    if environ.get("PATH_INFO") != BARE_PATH:
        return shop(environ, start_response)
    body = _TEMPLATE.render({"title": "Chợ HTX", "numbers": range(20)}).encode()
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    )
    return [body]
