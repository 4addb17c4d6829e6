"""Which PostgreSQL text-search configuration stems each content language, so that a Swedish
"projekten" finds "projekt" and an English "projects" finds "project"."""

POSTGRES_CONFIGS = {
    "sv": "swedish",
    "en": "english",
    "da": "danish",
    "nb": "norwegian",
    "nn": "norwegian",
    "fi": "finnish",
    "is": "simple",
}


def config_for_language(code):
    return POSTGRES_CONFIGS.get((code or "").split("-")[0], "simple")
