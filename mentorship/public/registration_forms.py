"""The public event registration form: validation only; recording the registration is a service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .form_parts import PublicFormMixin, clean_phone, clean_single_line, consent_field, honeypot_field
from .registration import RegistrationRequest


class EventRegistrationForm(PublicFormMixin, forms.Form):
    name = forms.CharField(max_length=150, label=_("Your name"))
    organisation = forms.CharField(
        max_length=200,
        label=_("Municipality or organisation"),
        help_text=_("For example: Yenişehir Belediyesi."),
    )
    role = forms.CharField(max_length=150, required=False, label=_("Your role"))
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("We send the confirmation and a reminder to this address.")
    )
    phone = forms.CharField(max_length=30, required=False, label=_("Phone"), help_text=_("Optional."))
    consent = consent_field(
        label=_("I give my explicit consent to the processing of my personal data for this registration.")
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_public_fields()

    def clean_name(self):
        return clean_single_line(self.cleaned_data.get("name", "")).strip()

    def clean_organisation(self):
        return clean_single_line(self.cleaned_data.get("organisation", "")).strip()

    def clean_role(self):
        return clean_single_line(self.cleaned_data.get("role", "")).strip()

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone", ""))

    def to_request(self, *, event_id: int, consent_text_version: str, language: str) -> RegistrationRequest:
        data = self.cleaned_data
        return RegistrationRequest(
            event_id=event_id,
            name=data["name"],
            organisation=data["organisation"],
            role=data.get("role", ""),
            email=data["email"].strip(),
            phone=data.get("phone", ""),
            consent_text_version=consent_text_version,
            language=language,
        )
