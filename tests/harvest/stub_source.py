"""A stub of another Bygd site for harvest tests that need answers a real site would not give
(errors, slow or malformed answers, exact payloads): ``Stub.routes`` maps (path, is page 2) to
(status, body bytes, delay in seconds); the ``stub`` fixture in conftest.py serves it."""

import json
import time
from http.server import BaseHTTPRequestHandler

PROJECT = {
    "identifier": "p-1",
    "title": "Projekt",
    "summary": "Om projektet.",
    "currency": "SEK",
    "owner": {"value": "forening", "name": "Förening"},
    "html_url": "http://x/p/",
    "source": None,
}
SITE = {"name": "Trasig", "time_zone": "Europe/Stockholm", "languages": []}


def listing(results, next_url=None):
    return {"count": len(results), "next": next_url, "previous": None, "results": results}


class Stub(BaseHTTPRequestHandler):
    """Answers from ``routes``: path -> (status, body bytes, delay in seconds)."""

    routes = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        page = "page=2" in self.path
        status, body, delay = self.routes.get((path, page), (404, b"{}", 0))
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def answers(server, projects_page_1, page_2=None):
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    Stub.routes = {
        ("/api/site/", False): (200, json.dumps(SITE).encode(), 0),
        ("/api/projects/", False): projects_page_1,
        ("/api/removed/", False): (200, json.dumps(listing([])).encode(), 0),
        ("/api/projects/p-1/", False): ok({**PROJECT, "body": "<p>Om.</p>", "partners": []}),
    }
    if page_2:
        Stub.routes[("/api/projects/", True)] = page_2
    return base


def ok(body):
    return (200, json.dumps(body).encode(), 0)


def occurrence(key, municipality):
    event = {
        "id": key,
        "title": f"Dans {key[:1]}",
        "summary": "Dans på logen.",
        "url": f"http://x/{key}/",
        "status": "scheduled",
        "organiser": {"value": "forening", "name": "Förening"},
        "venue": {
            "name": "Logen",
            "address": "",
            "postcode": "",
            "town": "Byn",
            "municipality": {"value": municipality, "name": "?"},
        },
        "time_zone": "Europe/Stockholm",
        "source": None,
        "recurring": False,
    }
    return {
        "id": key,
        "start": "2030-06-01T18:00:00+02:00",
        "end": "2030-06-01T20:00:00+02:00",
        "all_day": False,
        "status": "scheduled",
        "event": event,
    }
