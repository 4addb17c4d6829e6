"""Save a wagtail-localize translation's target and publish it at once.

Upstream: wagtail-localize 1.14.5 publishes translated pages in ``on_commit`` with the revision as
it was saved, so inside a surrounding transaction the publish runs late with stale tree counters
(and never in tests, which run in one transaction). We save the target as a draft and publish its
revision ourselves, at once.

Remove when wagtail-localize publishes the target synchronously in ``Translation.save_target``;
then call ``translation.save_target(user=user, publish=publish)`` directly.
"""

from wagtail.models import DraftStateMixin


def save_and_publish(translation, user, publish):
    drafts = issubclass(translation.source.specific_content_type.model_class(), DraftStateMixin)
    translation.save_target(user=user, publish=not drafts)
    target = translation.get_target_instance()
    if publish and drafts:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target
