"""Newsletter sending throughput: one issue to ``--recipients`` confirmed subscribers through a
local SMTP sink (aiosmtpd, in its own process so it does not share the sender's interpreter),
timed from the start of ``run_sending`` until its last delivery is recorded.
`python -m bench.newsletter_send --recipients 2000 [--record-every 20] [--profile]`."""

import argparse
import cProfile
import multiprocessing
import pstats
import sys
import threading
import time
import uuid

from bench.setup import django_setup


def _sink(port, ready, received):
    from aiosmtpd.controller import Controller

    class CountingSink:
        async def handle_DATA(self, server, session, envelope):
            with received.get_lock():
                received.value += 1
            return "250 OK"

    Controller(CountingSink(), hostname="127.0.0.1", port=port).start()
    ready.set()
    threading.Event().wait()


def _issue_and_list(stamp):
    from wagtail.models import Site

    from apps.newsletters.factories import (
        NewsletterArchivePageFactory,
        NewsletterListFactory,
        NewsletterPageFactory,
    )

    home = Site.objects.get(is_default_site=True).root_page
    newsletter_list = NewsletterListFactory(
        name=f"Bench {stamp}", slug=f"bench-{stamp}", locale=home.locale
    )
    archive = NewsletterArchivePageFactory(
        parent=home, slug=f"bench-{stamp}", newsletter_list=newsletter_list
    )
    archive.save_revision().publish()
    issue = NewsletterPageFactory(
        parent=archive,
        slug=f"issue-{stamp}",
        body=[("paragraph", "<p>Frukostträff i bygdegården. " * 40 + "</p>")],
    )
    issue.save_revision().publish()
    return issue, newsletter_list


def _subscribers(newsletter_list, count, stamp):
    from apps.newsletters.addresses import address_digest
    from apps.newsletters.factories import SubscriptionFactory
    from apps.newsletters.models import Subscription

    rows = []
    for number in range(count):
        row = SubscriptionFactory.build(
            newsletter_list=newsletter_list,
            email=f"bench-{stamp}-{number}@example.org",
            language="sv" if number % 3 else "en",
        )
        row.email_digest = address_digest(row.email)
        rows.append(row)
    Subscription.objects.bulk_create(rows, batch_size=1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--recipients", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument(
        "--record-every", type=int, help="BYGD_NEWSLETTER_RECORD_EVERY for this run"
    )
    parser.add_argument("--profile", action="store_true", help="print where the time went")
    args = parser.parse_args()
    ready, received = multiprocessing.Event(), multiprocessing.Value("i", 0)
    sink = multiprocessing.Process(target=_sink, args=(args.port, ready, received), daemon=True)
    sink.start()
    django_setup()
    from django.conf import settings
    from django.db import connection

    from apps.newsletters.factories import SendingFactory
    from apps.newsletters.sending import run_sending

    if args.record_every:
        settings.BYGD_NEWSLETTER_RECORD_EVERY = args.record_every
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", args.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    stamp = uuid.uuid4().hex[:8]
    issue, newsletter_list = _issue_and_list(stamp)
    _subscribers(newsletter_list, args.recipients, stamp)
    sending = SendingFactory(page=issue)
    ready.wait(10)
    queries = []
    with connection.execute_wrapper(lambda execute, *call: queries.append(1) or execute(*call)):
        profile = cProfile.Profile() if args.profile else None
        started, cpu = time.perf_counter(), time.process_time()
        if profile:
            profile.enable()
        summary = run_sending(sending.pk, log=lambda line: None)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profile:
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
    sink.terminate()
    sent = summary["sent"]
    print(
        f"{sent} of {args.recipients} sent in {elapsed:.2f} s: {sent / elapsed:.0f} messages/s; "
        f"sender CPU {cpu:.2f} s ({sent / cpu:.0f} messages per CPU second); "
        f"{len(queries)} queries ({len(queries) / max(sent, 1):.2f} per message); "
        f"the sink received {received.value}",
    )
    if sent != args.recipients or received.value != sent:
        sys.exit(1)


if __name__ == "__main__":
    main()
