"""Template tags that put library content on pages owned by other apps (e.g. the home page)."""

from django import template
from django.urls import reverse

from practices import selectors
from practices.models import PracticeIndexPage

register = template.Library()


@register.inclusion_tag("components/_featured_practices.html")
def featured_practices(limit: int = 3):
    return {"practices": selectors.featured_practices(limit=limit)}


@register.simple_tag(takes_context=True)
def library_url(context) -> str:
    """The library's address from the page tree (one query); the search page if there is no library."""
    library = PracticeIndexPage.objects.live().only("url_path").first()
    if library is None:
        return reverse("search")
    return library.get_url(request=context.get("request")) or reverse("search")


@register.inclusion_tag("components/_theme_list.html")
def theme_list(library: str):
    """Themes that have published practices, each with its count, as shortcuts into the library."""
    themes = [theme for theme in selectors.themes_with_counts() if theme.practice_count]
    return {"themes": themes, "library_url": library}
