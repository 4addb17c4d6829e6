"""A project page shared on social media previews with its title, summary, picture and
language, from the same include as every other page."""

import re

import pytest
from wagtail.images.tests.utils import get_test_image_file

from apps.core.factories import ImageFactory
from apps.core.localize import translate
from tests.projects.conftest import make_project

pytestmark = pytest.mark.django_db


def meta(html, name):
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">'
    return re.findall(pattern, html)


def test_project_page_has_open_graph_tags_in_each_language(client, project_index, en):
    picture = ImageFactory(description="", file=get_test_image_file(size=(1600, 900)))
    page = make_project(project_index, title="Byanät", listing_image=picture, search_description="")
    english_page = translate(
        page, en, {"Byanät": "Village network", "Om Byanät.": "About the network."}
    )
    html = client.get(page.url).content.decode()
    assert meta(html, "og:title") == ["Byanät"]
    assert meta(html, "og:description") == ["Om Byanät."]
    assert meta(html, "og:locale") == ["sv_SE"] and meta(html, "og:locale:alternate") == ["en_GB"]
    assert meta(html, "og:image")[0].startswith("http://testserver/")
    assert meta(html, "og:image:alt") == []
    assert meta(html, "twitter:card") == ["summary_large_image"]
    assert 'type="application/rss+xml"' in html

    english = client.get(english_page.url).content.decode()
    assert meta(english, "og:locale") == ["en_GB"] and meta(english, "og:locale:alternate") == [
        "sv_SE"
    ]
    assert meta(english, "og:title") == ["Village network"]
