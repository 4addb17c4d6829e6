"""The shared pagination and error format, exercised through a tiny view on the Page model."""

import pytest
from django.urls import path
from rest_framework import generics, serializers
from wagtail.models import Page

from apps.core.api.params import parse_bool, parse_locale
from apps.core.api.views import BygdAPIMixin

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.test_pagination_and_errors")]


class PageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Page
        fields = ["id", "title"]


class PageList(BygdAPIMixin, generics.ListAPIView):
    serializer_class = PageSerializer

    def get_queryset(self):
        locale = parse_locale(self.request)
        parse_bool(self.request, "fallback", True)
        return Page.objects.filter(locale=locale).order_by("pk")


urlpatterns = [path("api/pages-test/", PageList.as_view())]


@pytest.fixture
def many_pages(home):
    for i in range(25):
        home.add_child(instance=Page(title=f"Sida {i}", slug=f"sida-{i}"))


def test_default_page_size_is_twenty(client, many_pages):
    body = client.get("/api/pages-test/").json()
    assert body["count"] == 27
    assert len(body["results"]) == 20
    assert body["next"].endswith("page=2")
    assert body["previous"] is None


def test_page_size_up_to_one_hundred(client, many_pages):
    body = client.get("/api/pages-test/", {"page_size": 100}).json()
    assert len(body["results"]) == 27


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"page_size": 1000}, "page_size"),
        ({"page_size": 0}, "page_size"),
        ({"page_size": "abc"}, "page_size"),
        ({"page": "abc"}, "page"),
        ({"page": "-1"}, "page"),
        ({"locale": "xx"}, "locale"),
        ({"fallback": "maybe"}, "fallback"),
    ],
)
def test_bad_parameters_are_400_with_the_json_error(client, many_pages, params, field):
    response = client.get("/api/pages-test/", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert field in error["message"]


def test_page_past_the_end_is_a_json_404(client, many_pages):
    response = client.get("/api/pages-test/", {"page": 9})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
