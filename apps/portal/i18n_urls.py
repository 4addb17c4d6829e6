"""The organiser portal, inside the language prefix: include this module inside
``i18n_patterns``. It mounts the portal under the translated prefix (/sv/arrangor/,
/en/organisers/) in the ``portal`` namespace; the paths below the prefix are not translated so
links in e-mails keep working. The portal has no unprefixed URLs (``apps.portal.urls`` is empty)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from apps.portal.views import accounts, events, feeds, team

portal_urlpatterns = [
    path("", events.home_view, name="home"),
    path("signup/", accounts.signup_view, name="signup"),
    path("signup/done/", accounts.signup_done_view, name="signup_done"),
    path("verify/<str:token>/", accounts.verify_view, name="verify"),
    path("verify-again/", events.resend_verification_view, name="resend_verification"),
    path("login/", accounts.login_view, name="login"),
    path("logout/", accounts.logout_view, name="logout"),
    path("password/", accounts.password_reset_view, name="password_reset"),
    path("password/sent/", accounts.password_reset_done_view, name="password_reset_done"),
    path(
        "password/<uidb64>/<token>/",
        accounts.password_reset_confirm_view,
        name="password_reset_confirm",
    ),
    path("password/done/", accounts.password_reset_complete_view, name="password_reset_complete"),
    path("events/new/", events.event_new_view, name="event_new"),
    path("events/<int:pk>/", events.event_detail_view, name="event"),
    path("events/<int:pk>/edit/", events.event_edit_view, name="event_edit"),
    path("events/<int:pk>/preview/", events.event_preview_view, name="event_preview"),
    path("events/<int:pk>/submit/", events.event_submit_view, name="event_submit"),
    path("events/<int:pk>/cancel/", events.event_cancel_view, name="event_cancel"),
    path("events/<int:pk>/cancel-date/", events.occurrence_cancel_view, name="occurrence_cancel"),
    path("team/", team.team_view, name="team"),
    path("team/<int:pk>/remove/", team.remove_member_view, name="remove_member"),
    path(
        "team/invitations/<int:pk>/withdraw/",
        team.withdraw_invitation_view,
        name="withdraw_invitation",
    ),
    path("feeds/", feeds.feeds_view, name="feeds"),
    path("feeds/<int:pk>/remove/", feeds.remove_feed_view, name="remove_feed"),
    path("invitation/<str:token>/", team.accept_invitation_view, name="accept_invitation"),
]

urlpatterns = [path(_("organisers/"), include((portal_urlpatterns, "portal")))]
