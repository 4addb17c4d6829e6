"""The day the test run is held to.

Test modules build their dates from today when they are imported, and the site asks for
`timezone.localdate()` on every request. A run that crossed midnight in the site's zone (CI's
modules were imported before midnight in Stockholm, its tests ran after) gave the modules one
day and the site the next, and the calendar tests failed on a correct site. The autouse fixture in `tests/conftest.py` starts every test's
clock at noon of the day this module was imported, in the site's zone, and lets it run from
there, so both sides agree whenever the run starts and however long it takes.

Processes the tests start (a second Bygd site, a newsletter sender, gunicorn, node) keep the real
clock. A test whose processes share timestamps with it through a database (a harvest's
`modified_since`, a sender's lease) is marked `real_clock` and is not moved: at 00:25 in
Stockholm, eleven and a half hours from noon, those tests failed when moved.
"""

import datetime

from django.utils import timezone

TODAY = timezone.localdate()
NOON = timezone.make_aware(datetime.datetime.combine(TODAY, datetime.time(12)))


def days(n):
    """TODAY moved by n days, the way calendar tests name their dates."""
    return TODAY + datetime.timedelta(days=n)
