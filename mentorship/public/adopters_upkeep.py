"""Keeps the adopters block stored in each practice's digest (practices.PracticeDigest) current.

Practices never imports mentorship: it asks for the block through the ``practices_adopters_block`` hook
(registered in wagtail_hooks.py) when a practice is published or the digests are rebuilt, and we push a fresh
block here when what it shows changes: an adoption (stage, story, shown publicly, archived), an adopter's
figure, or a municipality's name, website or confirmation. Stage changes through the services also pass
practices.services.practice_adoption_count_set, which refreshes the block itself.
"""

from django.db.models.signals import post_delete, post_save

from practices.digest import digest_refresh_adopters

from ..models import Adoption, AdoptionMetric, Municipality


def on_adoption_changed(sender, instance, **kwargs) -> None:
    digest_refresh_adopters(page_ids=[instance.practice_id])


def on_adoption_metric_changed(sender, instance, **kwargs) -> None:
    practice_id = Adoption._base_manager.filter(pk=instance.adoption_id).values_list("practice_id", flat=True)
    digest_refresh_adopters(page_ids=list(practice_id))


def on_municipality_changed(sender, instance, created=False, **kwargs) -> None:
    if created:
        return
    practice_ids = Adoption._base_manager.filter(municipality_id=instance.pk).values_list(
        "practice_id", flat=True
    )
    digest_refresh_adopters(page_ids=list(practice_ids))


def connect() -> None:
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(
            on_adoption_changed, sender=Adoption, dispatch_uid=f"mentorship-digest-adoption-{name}"
        )
        signal.connect(
            on_adoption_metric_changed, sender=AdoptionMetric, dispatch_uid=f"mentorship-digest-metric-{name}"
        )
    post_save.connect(
        on_municipality_changed, sender=Municipality, dispatch_uid="mentorship-digest-municipality"
    )
