import pytest


@pytest.fixture(autouse=True)
def private_addresses_allowed(settings):
    """Test sources listen on 127.0.0.1; the tests of the refusal switch it off again."""
    settings.BYGD_HARVEST_ALLOW_PRIVATE_ADDRESSES = True
