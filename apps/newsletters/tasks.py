"""Background work of the newsletter: e-mails and sending never run inside a web request's
response time in production (database task backend); in dev and tests they run at once."""

from django_tasks import task

from apps.newsletters import emails


@task()
def send_confirmation(nonce):
    return emails.send_confirmation_email(nonce)


@task()
def send_data_link(digest):
    return emails.send_data_link(digest)


@task()
def send_data_export(digest):
    return emails.send_data_export(digest)


@task()
def send_newsletter(sending_id):
    """Sends what is due; when deliveries were deferred (or the mail server was away) and the
    backend can run work later, the same task is queued again for when they are due. Without
    such a backend, ``send_due_newsletters`` from cron picks them up."""
    import datetime

    from django.utils import timezone

    from apps.newsletters import conf
    from apps.newsletters.sending import run_sending

    summary = run_sending(sending_id)
    when = summary.pop("next_attempt", None)
    if summary.get("stopped"):
        when = timezone.now() + datetime.timedelta(seconds=conf.retry_delay())
    if when and send_newsletter.get_backend().supports_defer:
        send_newsletter.using(run_after=max(when, timezone.now())).enqueue(sending_id)
    return summary


@task()
def purge_unconfirmed():
    from apps.newsletters.purge import purge_unconfirmed as purge

    return purge()
