"""Cached project listings never outlive a publish, unpublish or delete."""

from tests.projects.conftest import make_project


def test_unpublishing_and_deleting_pages_remove_them_from_cached_listings(
    client, http_cache, project_index
):
    kept = make_project(project_index, title="Byalag i Målilla")
    gone = make_project(project_index, title="Kulturhus i Hultsfred")
    deleted = make_project(project_index, title="Solenergi i Vimmerby")
    titles = {row["title"] for row in client.get("/api/projects/").json()["results"]}
    assert titles == {"Byalag i Målilla", "Kulturhus i Hultsfred", "Solenergi i Vimmerby"}
    gone.unpublish()
    deleted.delete()
    titles = {row["title"] for row in client.get("/api/projects/").json()["results"]}
    assert titles == {kept.title}
