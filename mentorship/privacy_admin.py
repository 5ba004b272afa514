"""KVKK in the admin: a contact person's page with "Download personal data" and "Erase personal data"
(with a confirmation step), both for mentors and superusers only and both written to the audit log.

Imported by wagtail_hooks.py, which registers the views' URLs and the log actions below.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from . import privacy
from .admin_views import LocalTimeInspectView
from .models import ContactPerson
from .permissions import user_can_mentor

PRIVACY_PERMISSION = "mentorship.change_contactperson"


def user_can_handle_personal_data(user) -> bool:
    """Mentors (with the right to change contacts) and superusers; never editors or publishers."""
    return user_can_mentor(user) and user.has_perm(PRIVACY_PERMISSION)


class PersonalDataMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_can_handle_personal_data(request.user):
            raise PermissionDenied
        self.contact = get_object_or_404(
            ContactPerson.objects.select_related("municipality"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)


class ContactInspectView(LocalTimeInspectView):
    """A person's page, with the two KVKK actions and the date their data is kept until (Istanbul time)."""

    template_name = "mentorship/admin/contact_inspect.html"

    @cached_property
    def header_buttons(self):
        if not user_can_handle_personal_data(self.request.user):
            return []
        buttons = [
            HeaderButton(
                _("Download personal data (JSON)"),
                url=reverse("mentorship_contact_data", args=(self.object.pk,)),
                icon_name="download",
            )
        ]
        if not self.object.is_anonymised:
            buttons.append(
                HeaderButton(
                    _("Erase personal data"),
                    url=reverse("mentorship_contact_erase", args=(self.object.pk,)),
                    icon_name="bin",
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contact = privacy.contacts_with_process().get(pk=self.object.pk)
        context["kept_until"] = privacy.contact_kept_until(contact)
        context["retention_days"] = privacy.retention_policy().days
        return context


class ContactEraseView(PersonalDataMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then anonymise the person; visits, adoptions and statistics stay."""

    template_name = "mentorship/admin/contact_erase.html"
    page_title = _("Erase personal data")
    header_icon = "bin"

    def get_page_subtitle(self):
        return str(self.contact)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contact"] = self.contact
        context["visit_count"] = self.contact.visits.count()
        context["cancel_url"] = reverse("mentorship_contacts:inspect", args=(self.contact.pk,))
        return context

    def post(self, request, *args, **kwargs):
        if privacy.contact_erase(contact=self.contact, user=request.user):
            messages.success(
                request,
                _("The personal data of contact #%(id)s was erased; visits and statistics are kept.")
                % {"id": self.contact.pk},
            )
        else:
            messages.info(request, _("This person's data had already been erased."))
        return HttpResponseRedirect(reverse("mentorship_contacts:inspect", args=(self.contact.pk,)))


class ContactDataDownloadView(PersonalDataMixin, View):
    """The right of access: everything held about the person as one JSON file (the download is logged)."""

    def get(self, request, *args, **kwargs):
        body = privacy.contact_data_export(contact=self.contact, user=request.user)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        filename = f"personal-data-contact-{self.contact.pk}-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path(
            "mentorship/contacts/erase/<int:pk>/", ContactEraseView.as_view(), name="mentorship_contact_erase"
        ),
        path(
            "mentorship/contacts/personal-data/<int:pk>/",
            ContactDataDownloadView.as_view(),
            name="mentorship_contact_data",
        ),
    ]


@hooks.register("register_log_actions")
def register_mentorship_log_actions(actions):
    actions.register_action(privacy.ERASE_ACTION, _("Erase personal data"), _("Personal data erased"))
    actions.register_action(
        privacy.RETENTION_ACTION,
        _("Erase personal data (retention period over)"),
        _("Personal data erased when the retention period ended"),
    )
    actions.register_action(
        privacy.ACCESS_EXPORT_ACTION, _("Download personal data"), _("Personal data downloaded")
    )
    actions.register_action("mentorship.archive", _("Archive"), _("Archived; history kept"))
