"""Anonymous API clients are throttled per address, with a JSON error and Retry-After."""

import pytest
from django.core.cache import cache


@pytest.fixture
def three_per_minute(settings):
    settings.BYGD_API_ANON_RATE = "3/minute"
    cache.clear()
    yield
    cache.clear()


def test_a_client_over_the_rate_gets_429_with_retry_after(client, sv, three_per_minute):
    for _ in range(3):
        assert client.get("/api/organisations/").status_code == 200
    refused = client.get("/api/organisations/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["code"] == "throttled"


def test_other_addresses_keep_their_own_allowance(client, sv, three_per_minute):
    for _ in range(4):
        client.get("/api/places/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/places/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_throttling_can_be_switched_off(client, sv, settings):
    settings.BYGD_API_ANON_RATE = None
    for _ in range(10):
        assert client.get("/api/site/").status_code == 200


def test_guessing_preview_tokens_is_throttled_too(client, sv, three_per_minute):
    params = {"content_type": "cms.standardpage", "token": "guess"}
    for _ in range(3):
        assert client.get("/api/v2/preview/", params).status_code == 404
    assert client.get("/api/v2/preview/", params).status_code == 429


def test_behind_a_proxy_the_api_and_public_writes_count_the_same_client(
    client, sv, three_per_minute, settings
):
    """One address for every rate limit: behind the configured proxy the API throttle counts the
    forwarded client, and a forged header further left cannot buy a fresh allowance."""
    settings.BYGD_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for forged in ("192.0.2.10", "192.0.2.11", "192.0.2.12"):
        assert (
            client.get(
                "/api/places/", HTTP_X_FORWARDED_FOR=f"{forged}, 198.51.100.7", **proxy
            ).status_code
            == 200
        )
    refused = client.get("/api/places/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert refused.status_code == 429
    other = client.get("/api/places/", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)
    assert other.status_code == 200
