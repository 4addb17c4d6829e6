"""A source's description, shown here as a page's own text: the source answers it as HTML, which
another site controls, so only the markup an editor could have written here is kept (headings,
paragraphs, emphasis, lists, links to web and mail addresses) and links are made absolute
against the source's page, where they lead. Scripts, styles, frames, images (files of the
source) and every attribute but a link's address are dropped."""

from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

KEPT = {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br", "hr"}
HEADINGS = {"h1": "h2", "h5": "h4", "h6": "h4"}
DROPPED = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
SCHEMES = {"http", "https", "mailto", "tel"}


def safe_html(html, base_url):
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(True):
        if element.decomposed:
            continue
        if element.name in DROPPED:
            element.decompose()
            continue
        element.name = HEADINGS.get(element.name, element.name)
        if element.name not in KEPT:
            element.unwrap()
            continue
        href = urljoin(base_url, element.get("href") or "") if element.name == "a" else None
        element.attrs = {}
        if href and urlsplit(href).scheme in SCHEMES:
            element["href"] = href
    return str(soup).strip()


def stream(html, base_url):
    """A StreamField value of one text block, or empty when nothing is left."""
    text = safe_html(html, base_url)
    return [("paragraph", text)] if BeautifulSoup(text, "html.parser").get_text().strip() else []
