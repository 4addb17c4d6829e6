"""A run's queries grow with what changed, not with what the source has: an unchanged project
costs a few queries, a new one about what publishing it by hand would."""

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


def serve(stub, rows):
    base = answers(stub, ok(listing(rows)))
    for row in rows:
        Stub.routes[(f"/api/projects/{row['identifier']}/", False)] = ok(
            {**row, "body": "<p>Om.</p>", "partners": [{"value": "b", "name": "B", "role": "lead"}]}
        )
    return base


def harvest(stub, source, count):
    serve(stub, [project(n) for n in range(count)])
    with CaptureQueriesContext(connection) as queries:
        kinds = run_source(source)["kinds"]["projects"]
    return kinds, len(queries)


def test_queries_grow_with_what_changed(stub, index):
    ThemeFactory(slug="natur")
    FundingProgrammeFactory(slug="leader")
    source = HarvestSourceFactory(base_url=serve(stub, []), kinds="projects")
    # The first copies also make the owner, the place and the partner the later ones find.
    assert harvest(stub, source, 3)[0] == {"created": 3}

    three_more = harvest(stub, source, 6)
    six_more = harvest(stub, source, 12)
    again = harvest(stub, source, 12)

    assert three_more[0] == {"created": 3, "unchanged": 3}
    assert six_more[0] == {"created": 6, "unchanged": 6}
    assert again[0] == {"unchanged": 12}
    # Publishing a copy (revision, facts, search document, place reach) is most of the cost.
    per_project = (six_more[1] - three_more[1]) / 3
    assert per_project < 400
    assert three_more[1] < 400 * 3 + 10 + 4 * 3
    assert again[1] <= 10 + 4 * 12
