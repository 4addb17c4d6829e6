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
    from apps.newsletters.sending import run_sending

    return run_sending(sending_id)


@task()
def purge_unconfirmed():
    from apps.newsletters.purge import purge_unconfirmed as purge

    return purge()
