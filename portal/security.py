"""Security policies shared by every environment: the admin's relaxed Content-Security-Policy (the public
policy is CONTENT_SECURITY_POLICY in settings), the Permissions-Policy, and the lockout backend for tests.

Not imported by settings: axes reads settings when imported."""

from django.conf import settings
from django.shortcuts import render

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE

# Wagtail 8's admin still renders inline <script> blocks (InlinePanel, date/time widgets, modal chooser
# responses executed by jQuery), sets style attributes from templates and JS (focal point chooser,
# Draftail, progress bars), and bundles libraries that build functions at run time (doT templates in
# core.js). See wagtail/wagtail#1288 and #7053. Only pages under ADMIN_PATH_PREFIX get these relaxations;
# everything else keeps the strict policy from settings.
ADMIN_CSP_RELAXATIONS: dict[str, list[str]] = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
}
ADMIN_PATH_PREFIX = "/admin/"

# Browser features the portal never uses; denying them limits what injected content could do.
PERMISSIONS_POLICY: dict[str, str] = {
    "accelerometer": "()",
    "autoplay": "()",
    "camera": "()",
    "display-capture": "()",
    "geolocation": "()",
    "gyroscope": "()",
    "magnetometer": "()",
    "microphone": "()",
    "payment": "()",
    "usb": "()",
    "browsing-topics": "()",
}


def permissions_policy_header() -> str:
    return ", ".join(f"{feature}={allowlist}" for feature, allowlist in PERMISSIONS_POLICY.items())


class RequestOptionalAxesBackend(AxesStandaloneBackend):
    """Axes lockout for the test suite: logins through views are watched as in production, while
    ``Client.login()``, which calls ``authenticate()`` without a request, is let through to the next
    backend instead of raising AxesBackendRequestParameterRequired."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The visitor's address: with N trusted proxies in front, the N-th X-Forwarded-For entry from the
    right (entries further left are whatever the client sent and cannot be trusted)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote


def lockout_response(request, original_response=None, credentials=None):
    """Axes' lockout page (AXES_LOCKOUT_CALLABLE) as Axes renders it, plus Retry-After: the cool-off time,
    which starts again with every attempt made while locked, so a client that waits that long gets in."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_timedelta": cool_off,
    }
    status = settings.AXES_HTTP_RESPONSE_CODE
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=status)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
