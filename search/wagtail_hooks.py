"""Admin: synonym groups as a snippet editors maintain (Snippets → Synonym groups)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymGroupViewSet)
