"""Request and response hardening: NUL bytes refused, the admin's relaxed CSP, Permissions-Policy."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from .security import ADMIN_CSP_RELAXATIONS, ADMIN_PATH_PREFIX, permissions_policy_header


class AdminContentSecurityPolicyMiddleware:
    """Swap in the admin's relaxed script and style sources for /admin/ only.

    Sits after ``csp.middleware.CSPMiddleware`` in MIDDLEWARE, so it sees the response first and leaves
    django-csp's ``_csp_replace`` marker that CSPMiddleware then applies on top of the base policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PATH_PREFIX):
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace.update(ADMIN_CSP_RELAXATIONS)
            response._csp_replace = replace
        return response


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
