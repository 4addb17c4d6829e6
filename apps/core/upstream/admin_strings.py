"""Admin strings that Wagtail ships without Swedish, so editors in the Swedish admin would read
English in the middle of Swedish screens.

Upstream: Wagtail 8.0.1's Swedish catalogue lacks the page editor's autosave indicator
("Saved", "Autosave is paused") and the empty choice of every ``ChoiceBlock``. They are marked
here so ``makemessages`` keeps them in core's catalogue, whose Swedish wins because core comes
before Wagtail in ``INSTALLED_APPS`` (as the README's host settings put it). wagtail-localize
1.14.5's JavaScript "Publish in " lost its trailing space in Swedish ("Publicera påEnglish"); its
editor reads only wagtail-localize's and ``LOCALE_PATHS``' ``djangojs`` catalogues, so the
reference site fixes that in ``cms/locale``.

Remove an entry when Wagtail's Swedish catalogue has it.
"""

from django.utils.translation import gettext_noop

UNTRANSLATED_UPSTREAM = (
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("- Select an option -"),
)
