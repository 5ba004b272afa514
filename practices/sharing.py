"""How a practice travels: its canonical address, link-preview card and schema.org description (the case
study as an Article, its replication steps as a HowTo, the publishing office as a GovernmentOrganization).

Built from what the practice page has already loaded (steps, the hero image's rendition, the office settings
the footer reads), so it adds no query to the page.
"""

from typing import Any

from django.utils.translation import gettext

from portal.sharing import SCHEMA_CONTEXT, SharedImage, ShareMetadata, absolute, site_root_url

from .models import PracticePage, ReplicationStep

# The hero image's rendition on the page (1200×600, a 2:1 card that Open Graph and Twitter both accept).
SHARE_IMAGE_FILTER = "fill-1200x600"


def hero_share_image(image) -> dict[str, Any] | None:
    """What link previews show of the hero image: its rendition's address (without the site's), size and
    alt text. Kept in the practice page's stored fragment (practices.digest): a stored page reads no
    rendition."""
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.description,
    }


def practice_share_metadata(
    *,
    practice: PracticePage,
    image: dict[str, Any] | None,
    request=None,
    steps: list[ReplicationStep],
    tags: list[Any] = (),
    office_name: str = "",
) -> ShareMetadata:
    """``image``: the hero's ``hero_share_image()``."""
    root_url = site_root_url(practice, request)
    canonical_url = practice.get_full_url(request=request) or ""
    shared = SharedImage(**image | {"url": absolute(root_url, image["url"])}) if image is not None else None
    tag_names = tuple(tag.name for tag in tags)
    theme = practice.theme.display_name if practice.theme_id else ""

    office = {"@type": "GovernmentOrganization", "@id": f"{root_url}/#office", "url": f"{root_url}/"}
    if office_name:
        office["name"] = office_name
    case_study: dict[str, Any] = {
        "@type": "Article",
        "@id": f"{canonical_url}#case-study",
        "url": canonical_url,
        "mainEntityOfPage": canonical_url,
        "headline": practice.title[:110],
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": "tr",
        "isAccessibleForFree": True,
        "author": {"@id": office["@id"]},
        "publisher": {"@id": office["@id"]},
        "about": theme,
        "keywords": ", ".join(tag_names),
        "contentLocation": {"@type": "Place", "name": practice.province_name},
    }
    if practice.first_published_at:
        case_study["datePublished"] = practice.first_published_at
    if practice.last_published_at:
        case_study["dateModified"] = practice.last_published_at
    if shared:
        case_study["image"] = {
            "@type": "ImageObject",
            "url": shared.url,
            "width": shared.width,
            "height": shared.height,
            "caption": shared.alt,
        }
    graph: list[dict[str, Any]] = [case_study, office]
    if steps:
        graph.append(
            {
                "@type": "HowTo",
                "@id": f"{canonical_url}#replication-steps",
                "url": f"{canonical_url}#replication-steps",
                "name": gettext("How to replicate: %(title)s") % {"title": practice.title},
                "isPartOf": {"@id": case_study["@id"]},
                "step": [
                    _step(step, position=position, canonical_url=canonical_url)
                    for position, step in enumerate(steps, start=1)
                ],
            }
        )
    return ShareMetadata(
        canonical_url=canonical_url,
        title=practice.seo_title or practice.title,
        description=practice.summary,
        og_type="article",
        image=shared,
        published_time=practice.first_published_at,
        modified_time=practice.last_published_at,
        section=theme,
        tags=tag_names,
        structured_data={"@context": SCHEMA_CONTEXT, "@graph": graph},
    )


def _step(step: ReplicationStep, *, position: int, canonical_url: str) -> dict[str, Any]:
    text = step.description
    if step.resources:
        text += "\n" + gettext("Resources: %(resources)s") % {"resources": step.resources}
    if step.duration:
        text += "\n" + gettext("Duration: %(duration)s") % {"duration": step.duration}
    return {
        "@type": "HowToStep",
        "position": position,
        "name": step.title,
        "text": text,
        "url": f"{canonical_url}#step-{position}",
    }
