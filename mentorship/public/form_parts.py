"""What every public form of the office shares: the error summary that links to each field, the
aria-describedby wiring of invalid fields, the honeypot, the consent box and one-line text checks.

Both the study-visit request (forms.py) and the event registration (registration_forms.py) are built on it,
with the same templates (_field.html, _consent.html, _error_summary.html).
"""

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{7,20}$")
# Line breaks and other control characters in a one-line field would end up in e-mail subjects and exports.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
HONEYPOT_FIELD = "website"
# Labels in the error summary where the field's own label is a sentence (the consent text).
SUMMARY_LABELS = {"consent": _("Consent")}


@dataclass(frozen=True)
class SummaryError:
    """One line of the error summary: the anchor of the field it links to, and the text."""

    anchor: str
    text: str


class PublicFormMixin:
    """Put before forms.Form. Declares the consent box and the honeypot; the form's own fields come first."""

    consent_error = _("Please tick the consent box; we cannot store your request without it.")

    def error_summary(self) -> list[SummaryError]:
        """Every error once, in the order of the form, each linking to its field ("Label: message")."""
        lines = []
        for bound in self:
            label = str(SUMMARY_LABELS.get(bound.name, bound.label)).rstrip(" .:")
            anchor = f"{bound.auto_id}_group" if bound.use_fieldset else bound.id_for_label
            lines.extend(SummaryError(anchor=anchor, text=f"{label}: {error}") for error in bound.errors)
        return lines

    def full_clean(self):
        super().full_clean()
        # Point each invalid input at its message, so screen readers announce it with the field.
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def prepare_public_fields(self) -> None:
        """Call from __init__: autocomplete hints and the honeypot kept out of the tab order."""
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        hints = {"email": "email", "name": "name", "phone": "tel", "organisation": "organization"}
        for name, hint in hints.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = hint
        if "phone" in self.fields:
            self.fields["phone"].widget.attrs["inputmode"] = "tel"


def consent_field(*, label) -> forms.BooleanField:
    return forms.BooleanField(label=label, error_messages={"required": PublicFormMixin.consent_error})


def honeypot_field() -> forms.CharField:
    # Hidden from people by CSS, filled in by bots that fill every field.
    return forms.CharField(required=False, label=_("Leave this field empty"))


def clean_single_line(value: str) -> str:
    if CONTROL_CHARACTERS.search(value or ""):
        raise forms.ValidationError(_("Please write this on one line, without special characters."))
    return value


def clean_phone(value: str) -> str:
    phone = (value or "").strip()
    if phone and not PHONE_PATTERN.match(phone):
        raise forms.ValidationError(_("Use digits, spaces, brackets and + only (7 to 20 characters)."))
    return phone
