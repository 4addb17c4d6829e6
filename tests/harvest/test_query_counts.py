"""A run's queries grow with what changed, not with what the source has: an unchanged project
costs a few queries, a new one about what publishing it by hand would."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.harvest.factories import HarvestSourceFactory
from apps.harvest.run import run_source
from apps.projects.factories import FundingProgrammeFactory, ThemeFactory
from tests.harvest.stub_source import PROJECT, Stub, answers, listing, ok


def project(n):
    return {
        **PROJECT,
        "identifier": f"p-{n}",
        "themes": [{"value": "natur", "name": "Natur"}],
        "places": [{"value": "SE-0884", "name": "Sala"}],
        "programme": {"value": "leader", "name": "Leader"},
    }


@pytest.mark.parametrize("count", [3, 6])
def test_queries_stay_flat_per_project(stub, index, count):
    ThemeFactory(slug="natur")
    FundingProgrammeFactory(slug="leader")
    rows = [project(n) for n in range(count)]
    base = answers(stub, ok(listing(rows)))
    for row in rows:
        Stub.routes[(f"/api/projects/{row['identifier']}/", False)] = ok(
            {**row, "body": "<p>Om.</p>", "partners": [{"value": "b", "name": "B", "role": "lead"}]}
        )
    source = HarvestSourceFactory(base_url=base, kinds="projects")

    with CaptureQueriesContext(connection) as first:
        assert run_source(source)["kinds"] == {"projects": {"created": count}}
    with CaptureQueriesContext(connection) as again:
        assert run_source(source)["kinds"] == {"projects": {"unchanged": count}}
    # Publishing a copy (revision, facts, search document, place reach) is most of the cost.
    assert len(first) < 400 * count
    assert len(again) <= 10 + 4 * count
