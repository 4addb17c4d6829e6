"""The organiser portal has no URLs outside the language prefix; its pages are in
``apps.portal.i18n_urls``, to include inside ``i18n_patterns``. This module is empty so every
app can be included the same way."""

urlpatterns = []
