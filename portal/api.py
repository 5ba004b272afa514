"""Wagtail API v2: published pages, images and documents as open data (read-only).

The endpoints are Wagtail's, subclassed so that input the library would let through to the database (an
integer beyond 64 bits, an unknown search operator, a double quote in a search) is a 400 with a message
instead of a 500. Messages are in English, like the rest of Wagtail's API messages.
"""

from django.db import models

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# The largest integer every supported database stores (a signed 64-bit BIGINT).
MAX_INTEGER = 2**63 - 1
SEARCH_OPERATORS = ("and", "or")
# Parameters of Wagtail's API that hold an integer, whatever the model.
INTEGER_PARAMETERS = ("offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of")


def integer_parameter_error(name: str, value: str) -> str | None:
    """Why `value` cannot be used as an integer query parameter, or None if it can (or is not a number)."""
    digits = value.strip().removeprefix("-")
    if digits.isdigit() and not (-MAX_INTEGER <= int(value) <= MAX_INTEGER):
        return f"{name} must be at most {MAX_INTEGER}"
    return None


def is_integer_field(model: type[models.Model], name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist, or a name Wagtail resolves itself (tags, type, ...)
        return False
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    return isinstance(field, models.IntegerField | models.AutoField)


class ValidatedQueryMixin:
    """Refuses, with a 400 and a message, the query parameters Wagtail would pass on to a failing query."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        query = self.request.GET
        for name in query:
            if name in INTEGER_PARAMETERS or is_integer_field(queryset.model, name):
                for value in query.getlist(name):
                    if error := integer_parameter_error(name, value):
                        raise BadRequestError(error)
        if "search" in query:
            operator = query.get("search_operator")
            if operator is not None and operator not in SEARCH_OPERATORS:
                raise BadRequestError('search_operator must be "and" or "or"')
            # Wagtail's SQLite backend quotes each word, so a quote in a word breaks the query; no backend
            # of this API reads quotes as a phrase, so they are refused everywhere alike.
            if '"' in query["search"]:
                raise BadRequestError("search must not contain double quotes (phrases are not supported)")

    def find_view(self, request):
        for value in request.GET.getlist("id"):
            if not value.strip().isdigit() or integer_parameter_error("id", value):
                raise BadRequestError(f"id must be a positive integer of at most {MAX_INTEGER}")
        return super().find_view(request)


class PortalPagesAPIViewSet(ValidatedQueryMixin, PagesAPIViewSet):
    pass


class PortalImagesAPIViewSet(ValidatedQueryMixin, ImagesAPIViewSet):
    pass


class PortalDocumentsAPIViewSet(ValidatedQueryMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
