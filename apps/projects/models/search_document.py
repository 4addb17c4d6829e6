"""What the project database's text search reads: one row per live project page with its
searchable text already gathered (title, summary, description, organisations, places, people)
and, on PostgreSQL, stemmed into a stored vector in the page's own language. Kept beside the page
so searching joins one indexed row instead of building vectors from several tables per request.
"""

from django.db import models

from apps.core.text_search import TextArrayField, TsVectorField


class ProjectSearchDocument(models.Model):
    page = models.OneToOneField(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    # The PostgreSQL text-search configuration of the page's language (core.search_config).
    config = models.CharField(max_length=32)
    # Folded (core.text_search.fold): title, acronym and identifier, which rank highest…
    heading = models.TextField()
    # …and everything else searchable.
    content = models.TextField()
    vector = TsVectorField(null=True, editable=False)
    # PostgreSQL: the slugs of the page's themes, so a text search narrowed to themes reads one
    # row per match. Joined from the theme rows instead, PostgreSQL cannot know that a word and
    # a theme go together (kulturhus and culture) and planned for a few matches where there
    # were thousands: 25 ms against 12 ms at 20 000 projects (issue 19).
    themes = TextArrayField(null=True, editable=False)

    def __str__(self):
        return self.heading
