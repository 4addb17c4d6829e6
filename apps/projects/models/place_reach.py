"""Which region, municipality and Leader-area facet values each project reaches through its
places, written out once instead of followed through the place chain (a municipality's region,
a Leader area's municipalities, a municipality's Leader areas) on every request. PostgreSQL
estimated those chains at one row and planned the facet counts around that (issue 19); here the
filters and counts are plain indexed joins whose sizes the planner knows.

Derived from ``ProjectPlace`` and ``Place`` and kept current by ``apps.projects.place_reach``.
"""

from django.db import models


class ProjectPlaceReach(models.Model):
    page = models.ForeignKey(
        "projects.ProjectPage", on_delete=models.CASCADE, related_name="place_reach"
    )
    facet = models.CharField(max_length=20)  # region, municipality or leader_area
    place = models.ForeignKey("network.Place", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "place", "page"], name="unique_project_place_reach"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.facet} {self.place_id}"
