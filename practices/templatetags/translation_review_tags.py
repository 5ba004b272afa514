"""The review bar above wagtail-localize's translation editor (templates/wagtail_localize/admin/)."""

from django import template

from wagtail.models import Page

from practices.translation_review_admin import review_bar_context

register = template.Library()


@register.inclusion_tag("practices/admin/_translation_review_bar.html", takes_context=True)
def translation_review_bar(context, page: Page):
    return review_bar_context(page=page, user=context["request"].user) | {
        "csrf_token": context.get("csrf_token")
    }
