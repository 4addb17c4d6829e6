import threading
from http.server import ThreadingHTTPServer

import pytest

from apps.projects.factories import ProjectIndexPageFactory
from tests.harvest.stub_source import Stub


@pytest.fixture(autouse=True)
def private_addresses_allowed(settings):
    """Test sources listen on 127.0.0.1; the tests of the refusal switch it off again."""
    settings.BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES = True


@pytest.fixture
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def index(home):
    page = ProjectIndexPageFactory(parent=home)
    page.save_revision().publish()
    return page
