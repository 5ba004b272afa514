"""Template tags that put library content on pages owned by other apps (e.g. the home page)."""

from django import template

from practices import selectors

register = template.Library()


@register.inclusion_tag("components/_featured_practices.html")
def featured_practices(limit: int = 3):
    return {"practices": selectors.featured_practices(limit=limit)}


@register.inclusion_tag("components/_theme_list.html")
def theme_list():
    return {"themes": selectors.themes_with_counts()}


@register.inclusion_tag("components/_headline_figures.html")
def headline_figures():
    return {"figures": selectors.headline_figures()}
