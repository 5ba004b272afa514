"""The admin chooser for practices in the mentors' forms: live, public practices only, searchable by title."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from practices.models import PracticePage


class PracticeTitleSearchForm(BaseFilterForm):
    # A title filter rather than the search backend: the backend cannot apply public()'s restriction filter.
    q = forms.CharField(
        label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(title__icontains=query)
            self.is_searching = True
            self.search_query = query
        return objects


class PracticeChooseView(chooser_views.ChooseView):
    filter_form_class = PracticeTitleSearchForm


class PracticeChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = PracticeTitleSearchForm


class PracticeChooserViewSet(ChooserViewSet):
    model = PracticePage
    icon = "doc-full-inverse"
    choose_one_text = _("Choose a practice")
    choose_another_text = _("Choose another practice")
    page_title = _("Choose practices")
    per_page = 20
    # Only the mentorship forms use it; other PracticePage foreign keys keep their own widgets.
    register_widget = False
    choose_view_class = PracticeChooseView
    choose_results_view_class = PracticeChooseResultsView

    def get_object_list(self):
        return PracticePage.objects.live().public().order_by("title", "pk")


practice_chooser_viewset = PracticeChooserViewSet(
    "mentorship_practice_chooser", url_prefix="mentorship/practices"
)
PracticeChooserWidget = practice_chooser_viewset.widget_class
