"""The public study-visit request form: validation only; recording the request is a service."""

import datetime
from collections.abc import Iterable

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.provinces import PROVINCE_CHOICES
from practices.models import PracticePage, TargetGroup, Theme
from practices.selectors import published_practices

from ..models import (
    DELEGATION_SIZE_MAX,
    DELEGATION_SIZE_MIN,
    Municipality,
    MunicipalityKind,
    VisitFormat,
    VisitPurpose,
)
from .form_parts import (  # noqa: F401 - re-exported: the rules every public form shares
    CONTROL_CHARACTERS,
    HONEYPOT_FIELD,
    PHONE_PATTERN,
    SUMMARY_LABELS,
    PublicFormMixin,
    SummaryError,
)
from .services import NewMunicipality, VisitRequest

MESSAGE_MAX_LENGTH = 2000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


MAX_ID_DIGITS = 9  # ids stay inside a 32-bit integer; longer numbers overflow SQLite before any lookup


MAX_CHOSEN_PRACTICES = 20
# What a visitor can ask for: to come to the office, or to meet online (VisitFormat.ON_SITE, the office
# travelling to the municipality, is arranged by mentors, not requested here).
PUBLIC_FORMAT_CHOICES = [
    (VisitFormat.HOSTED, _("In person, at our office")),
    (VisitFormat.ONLINE, _("Online meeting")),
]


def _plausible_id(value) -> bool:
    text = str(value).strip()
    return text.isdigit() and len(text) <= MAX_ID_DIGITS


def plausible_ids(values: Iterable[object], *, limit: int = MAX_CHOSEN_PRACTICES) -> list[int]:
    """The first `limit` values that look like ids, as integers; anything else is dropped."""
    ids = [int(str(value).strip()) for value in values if _plausible_id(value)]
    return list(dict.fromkeys(ids))[:limit]


class IdChoiceField(forms.ModelChoiceField):
    """A model choice whose submitted id is checked to be a plausible number before the database sees it."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not _plausible_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several model choices, each id checked to be a plausible number before the database sees it."""

    def clean(self, value):
        # Only lists reach the items; Django's clean() answers anything else (required, invalid_list).
        if isinstance(value, list | tuple):
            for item in value:
                if not _plausible_id(item):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": str(item)[:20]},
                    )
        return super().clean(value)


class VisitRequestForm(PublicFormMixin, forms.Form):
    # The order of the page (and so of the error summary): what to see, the visit, who asks, consent.
    field_order = [
        "practices",
        "purpose",
        "preferred_format",
        "delegation_size",
        "preferred_date_1",
        "preferred_date_2",
        "message",
        "needed_themes",
        "needed_target_groups",
        "municipality",
        "new_municipality_name",
        "new_municipality_kind",
        "new_municipality_province",
        "contact_name",
        "role",
        "email",
        "phone",
        "consent",
        "website",
    ]

    municipality = IdChoiceField(
        # Confirmed ones only: a name another visitor typed is not listed until a mentor confirms it.
        queryset=Municipality.objects.filter(confirmed=True).order_by("name"),
        required=False,
        label=_("Your municipality"),
        empty_label=_("— not in the list —"),
        help_text=_("Choose it from the list, or leave “not in the list” and type its name below."),
    )
    new_municipality_name = forms.CharField(
        max_length=150, required=False, label=_("Municipality name (if not in the list)")
    )
    new_municipality_kind = forms.ChoiceField(
        choices=[("", _("— choose —")), *MunicipalityKind.choices],
        required=False,
        label=_("Kind of municipality"),
    )
    new_municipality_province = forms.TypedChoiceField(
        choices=[("", _("— choose —")), *PROVINCE_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        label=_("Province"),
    )
    contact_name = forms.CharField(max_length=150, label=_("Your name"))
    role = forms.CharField(max_length=150, required=False, label=_("Your role"))
    email = forms.EmailField(label=_("E-mail"), help_text=_("We answer your request at this address."))
    phone = forms.CharField(
        max_length=30, required=False, label=_("Phone"), help_text=_("For example 0324 000 00 00.")
    )
    preferred_date_1 = forms.DateField(
        label=_("Preferred date"), widget=DateInput(), help_text=_("A date from today on.")
    )
    preferred_date_2 = forms.DateField(
        label=_("Alternative date"), required=False, widget=DateInput(), help_text=_("Optional.")
    )
    delegation_size = forms.IntegerField(
        label=_("Number of people in your delegation"),
        # A text box: a number box drops letters silently, so the visitor could not see what was wrong.
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "input--short"}
        ),
        error_messages={
            "required": _("Please say how many people would come."),
            "invalid": _("Please write the number of people in digits, for example 8."),
        },
    )
    preferred_format = forms.ChoiceField(
        choices=PUBLIC_FORMAT_CHOICES,
        initial=VisitFormat.HOSTED,
        widget=forms.RadioSelect,
        label=_("Preferred format"),
        error_messages={"required": _("Choose whether you would like to come to us or meet online.")},
    )
    purpose = forms.ChoiceField(
        choices=VisitPurpose.choices,
        widget=forms.RadioSelect,
        label=_("Purpose of the visit"),
        error_messages={"required": _("Choose the purpose of your visit.")},
    )
    practices = IdMultipleChoiceField(
        # Any live, public practice may be posted (set in __init__: public() queries the view restrictions);
        # the view decides which are listed (selectors.practice_options), the template renders the boxes.
        queryset=PracticePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Practices you are interested in"),
        error_messages={
            "invalid_choice": _(
                "One of the practices you chose is not published (any more); please choose from the list."
            ),
            "invalid_pk_value": _(
                "One of the practices you chose is not published (any more); please choose from the list."
            ),
        },
    )
    # Optional needs, offered to the mentors' matchmaking: vocabulary only, never free text about people.
    needed_themes = IdMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes your municipality needs (optional)"),
        help_text=_("Helps us suggest practices that fit."),
    )
    needed_target_groups = IdMultipleChoiceField(
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Groups you want to serve (optional)"),
    )
    message = forms.CharField(
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("Message"),
        help_text=_(
            "What would you like to see or discuss? Please do not include health or other sensitive data."
        ),
    )
    consent = forms.BooleanField(
        label=_("I give my explicit consent to the processing of my personal data for this request."),
        error_messages={
            "required": _("Please tick the consent box; we cannot store your request without it.")
        },
    )
    # Honeypot: hidden from people by CSS, filled in by bots that fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["practices"].queryset = published_practices()
        # Set here, not at import, so the text is translated into the visitor's language.
        self.fields["delegation_size"].help_text = _("From %(min)d to %(max)d people.") % {
            "min": DELEGATION_SIZE_MIN,
            "max": DELEGATION_SIZE_MAX,
        }
        for name in ("preferred_date_1", "preferred_date_2"):
            self.fields[name].widget.attrs["min"] = self.today.isoformat()
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def _clean_future_date(self, name: str) -> datetime.date | None:
        day = self.cleaned_data.get(name)
        if day is not None and day < self.today:
            raise forms.ValidationError(
                _("%(date)s is in the past; please choose today or a later date."),
                params={"date": day.strftime("%d.%m.%Y")},
            )
        return day

    def clean_preferred_date_1(self):
        return self._clean_future_date("preferred_date_1")

    def clean_preferred_date_2(self):
        return self._clean_future_date("preferred_date_2")

    def _clean_single_line(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if CONTROL_CHARACTERS.search(value):
            raise forms.ValidationError(_("Please write this on one line, without special characters."))
        return value

    def clean_contact_name(self):
        return self._clean_single_line("contact_name")

    def clean_role(self):
        return self._clean_single_line("role")

    def clean_new_municipality_name(self):
        return self._clean_single_line("new_municipality_name")

    def clean_delegation_size(self):
        size = self.cleaned_data.get("delegation_size")
        if size is not None and not DELEGATION_SIZE_MIN <= size <= DELEGATION_SIZE_MAX:
            raise forms.ValidationError(
                _("Please give a number of people from %(min)d to %(max)d."),
                params={"min": DELEGATION_SIZE_MIN, "max": DELEGATION_SIZE_MAX},
            )
        return size

    def clean_practices(self):
        practices = self.cleaned_data.get("practices")
        if practices is not None and len(practices) > MAX_CHOSEN_PRACTICES:
            raise forms.ValidationError(
                _("Please choose at most %(max)d practices."), params={"max": MAX_CHOSEN_PRACTICES}
            )
        return practices

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Use digits, spaces, brackets and + only (7 to 20 characters)."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("purpose") == VisitPurpose.OTHER and not (cleaned.get("message") or "").strip():
            self.add_error("message", _("Please tell us the purpose of your visit in your message."))
        if cleaned.get("municipality") is not None:
            return cleaned
        name = (cleaned.get("new_municipality_name") or "").strip()
        if not name:
            if "municipality" not in self.errors:
                self.add_error(
                    "municipality",
                    _("Choose your municipality from the list, or type its name, kind and province below."),
                )
            return cleaned
        if not cleaned.get("new_municipality_kind"):
            self.add_error("new_municipality_kind", _("Choose the kind of the municipality you typed."))
        if not cleaned.get("new_municipality_province"):
            self.add_error(
                "new_municipality_province", _("Choose the province of the municipality you typed.")
            )
        return cleaned

    def to_request(self, *, consent_text_version: str, language: str = "") -> VisitRequest:
        data = self.cleaned_data
        new_municipality = None
        if data.get("municipality") is None:
            new_municipality = NewMunicipality(
                name=data["new_municipality_name"].strip(),
                kind=data["new_municipality_kind"],
                province=data["new_municipality_province"],
            )
        dates = tuple(day for day in (data.get("preferred_date_1"), data.get("preferred_date_2")) if day)
        return VisitRequest(
            municipality=data.get("municipality"),
            new_municipality=new_municipality,
            contact_name=data["contact_name"],
            role=data.get("role", ""),
            email=data["email"],
            phone=data.get("phone", ""),
            preferred_dates=dates,
            delegation_size=data["delegation_size"],
            preferred_format=data["preferred_format"],
            purpose=data["purpose"],
            practices=tuple(data.get("practices") or ()),
            needed_themes=tuple(data.get("needed_themes") or ()),
            needed_target_groups=tuple(data.get("needed_target_groups") or ()),
            message=data.get("message", ""),
            consent_text_version=consent_text_version,
            language=language,
        )
