"""Guessing passwords: failed logins at the admin and the portal are limited per client address
and per account, while the people who type their own password right can always log in."""

import re

import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import SESSION_KEY, aauthenticate
from django.test import Client, RequestFactory, override_settings

from apps.core.checks import check_login_limit
from apps.portal.factories import PASSWORD, OrganiserAccountFactory

ADMIN_LOGIN = "/admin/login/"
PORTAL_LOGIN = "/sv/arrangor/login/"
SUPERUSER_PASSWORD = "admin-pass-1"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "chef", "chef@example.org", SUPERUSER_PASSWORD
    )


def at(address):
    return Client(REMOTE_ADDR=address)


def guess(client, url, username, times):
    for _ in range(times):
        client.post(url, {"username": username, "password": "wrong-guess"})


def logged_in(client):
    return SESSION_KEY in client.session


def test_35_wrong_admin_passwords_then_the_right_one_is_refused_for_a_superuser(superuser):
    attacker = at("10.1.0.1")
    guess(attacker, ADMIN_LOGIN, "chef", 35)
    response = attacker.post(ADMIN_LOGIN, {"username": "chef", "password": SUPERUSER_PASSWORD})
    assert response.status_code in (200, 429)
    assert not logged_in(attacker)
    assert attacker.get("/admin/pages/").status_code == 302


def test_35_wrong_admin_passwords_then_the_right_one_is_refused_for_an_organiser(organiser):
    attacker = at("10.1.0.2")
    username = organiser.user.username
    guess(attacker, ADMIN_LOGIN, username, 35)
    response = attacker.post(ADMIN_LOGIN, {"username": username, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert not logged_in(attacker)
    assert attacker.get("/sv/arrangor/").status_code == 302


def test_a_locked_unknown_account_gets_the_same_answer_as_a_locked_real_one(superuser):
    known, unknown = at("10.1.0.3"), at("10.1.0.4")
    guess(known, ADMIN_LOGIN, "chef", 6)
    guess(unknown, ADMIN_LOGIN, "nobody", 6)
    right = known.post(ADMIN_LOGIN, {"username": "chef", "password": SUPERUSER_PASSWORD})
    made_up = unknown.post(ADMIN_LOGIN, {"username": "nobody", "password": SUPERUSER_PASSWORD})
    assert right.status_code == made_up.status_code == 200
    assert right.context["form"].errors == made_up.context["form"].errors
    assert 'role="alert"' in right.content.decode() and 'role="alert"' in made_up.content.decode()
    assert not logged_in(known)


def test_the_admin_login_page_says_why_it_refused(superuser):
    attacker = at("10.1.0.8")
    guess(attacker, ADMIN_LOGIN, "chef", 5)
    assert 'role="alert"' not in attacker.get(ADMIN_LOGIN).content.decode()
    response = attacker.post(
        ADMIN_LOGIN,
        {"username": "chef", "password": SUPERUSER_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert re.search(
        r"Too many failed logins. Please wait \d+ minutes? ", response.content.decode()
    )
    assert not logged_in(attacker)


@override_settings(BYGD_LOGIN_FAILURES_PER_ADDRESS=10)
def test_an_address_that_failed_too_often_is_refused_for_every_account(superuser):
    attacker = at("10.1.0.5")
    for number in range(10):
        guess(attacker, ADMIN_LOGIN, f"user{number}", 1)
    attacker.post(ADMIN_LOGIN, {"username": "chef", "password": SUPERUSER_PASSWORD})
    assert not logged_in(attacker)
    elsewhere = at("10.1.0.6")
    elsewhere.post(ADMIN_LOGIN, {"username": "chef", "password": SUPERUSER_PASSWORD})
    assert logged_in(elsewhere)


def test_the_portal_refuses_an_address_that_failed_too_often_with_429(organiser):
    attacker = at("10.1.0.7")
    for number in range(30):
        guess(attacker, PORTAL_LOGIN, f"a{number}@example.org", 1)
    response = attacker.post(PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert not logged_in(attacker)


def test_twenty_organisers_on_one_network_log_in_twice_each(calendar, moderation):
    organisers = [OrganiserAccountFactory() for _ in range(20)]
    for _round in range(2):
        for organiser in organisers:
            client = at("10.2.0.1")
            response = client.post(
                PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD}
            )
            assert response.status_code == 302
            assert client.session[SESSION_KEY] == str(organiser.user.pk)


def test_an_attacker_elsewhere_cannot_lock_the_organiser_out(organiser):
    guess(at("10.3.0.1"), PORTAL_LOGIN, organiser.user.email, 5)
    owner = at("10.3.0.2")
    response = owner.post(PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD})
    assert response.status_code == 302 and logged_in(owner)


def test_the_attackers_address_stays_locked_out_of_the_account(organiser):
    attacker = at("10.3.0.3")
    guess(attacker, PORTAL_LOGIN, organiser.user.email, 5)
    response = attacker.post(PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD})
    assert response.status_code == 429 and not logged_in(attacker)


def test_successful_logins_are_not_counted(organiser):
    for _ in range(8):
        client = at("10.4.0.1")
        response = client.post(
            PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD}
        )
        assert response.status_code == 302
    guess(at("10.4.0.1"), PORTAL_LOGIN, organiser.user.email, 4)
    client = at("10.4.0.1")
    client.post(PORTAL_LOGIN, {"username": organiser.user.email, "password": PASSWORD})
    assert logged_in(client)


def test_check_warns_while_logins_are_not_limited(settings):
    assert check_login_limit(None) == []
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
    assert [warning.id for warning in check_login_limit(None)] == ["core.W001"]


def test_async_logins_are_limited_too(superuser):
    guess(at("10.5.0.1"), ADMIN_LOGIN, "chef", 5)
    credentials = {"username": "chef", "password": SUPERUSER_PASSWORD}
    attacker = RequestFactory().post("/", REMOTE_ADDR="10.5.0.1")
    assert async_to_sync(aauthenticate)(attacker, **credentials) is None
    owner = RequestFactory().post("/", REMOTE_ADDR="10.5.0.2")
    assert async_to_sync(aauthenticate)(owner, **credentials) == superuser
