"""Newsletter pages people see, inside the language prefix: include this module inside
``i18n_patterns`` (``apps.newsletters.urls`` holds the unprefixed one-click endpoint). Paths are
not translated so links in sent e-mails never change."""

from django.urls import path

from apps.newsletters import views

urlpatterns = [
    path("newsletter/signup/", views.signup_view, name="newsletter-signup"),
    path("newsletter/confirm/<str:token>/", views.confirm_view, name="newsletter-confirm"),
    path(
        "newsletter/unsubscribe/<str:token>/",
        views.unsubscribe_view,
        name="newsletter-unsubscribe",
    ),
    path("newsletter/my-data/", views.data_request_view, name="newsletter-data-request"),
    path("newsletter/my-data/<str:token>/", views.my_data_view, name="newsletter-my-data"),
]
