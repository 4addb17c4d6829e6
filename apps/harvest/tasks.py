"""The periodic harvest: cron (or any scheduler) enqueues or runs it; with the database task
backend it runs in the worker, outside any web request."""

from django_tasks import task


@task()
def harvest_sources():
    from apps.harvest.run import run_active

    return run_active()
