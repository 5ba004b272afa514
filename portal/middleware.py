"""Response-header middleware: the relaxed admin CSP, Permissions-Policy and Cross-Origin-Opener-Policy."""

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
