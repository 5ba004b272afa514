"""Request and response hardening: NUL bytes refused, the admin's relaxed CSP, Permissions-Policy."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from csp.middleware import CSPMiddleware

from .security import ADMIN_CSP_RELAXATIONS, ADMIN_PATH_PREFIX, permissions_policy_header


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's relaxed script and style sources for /admin/ only.

    Extends ``get_policy_parts``, the hook django-csp documents for subclasses: the admin's relaxations
    replace those directives on top of whatever a view's ``@csp_replace`` asked for.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PATH_PREFIX):
            parts.replace = {**(parts.replace or {}), **ADMIN_CSP_RELAXATIONS}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set: Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class RejectNullBytesMiddleware:
    """Answer 400 to a NUL character in the path or query string.

    No legitimate link has one, and the databases choke on it: PostgreSQL refuses NUL in text and
    SQLite's full-text search reports an unterminated string, which would otherwise surface as a 500
    from any view (the Wagtail API's ?search= among them) that passes a parameter to a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_query = any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists())
        if "\x00" in request.path or in_query:
            return HttpResponseBadRequest(_("The address contains a character that is not allowed."))
        return self.get_response(request)
