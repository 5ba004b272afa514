"""The office's details every public page shows (the footer, the share card, the kit's cover): read from the
site settings once per process and public cache version (portal.cache.per_version; saving the settings bumps
it, portal.signals), so a warm process shows them without a query."""

from .cache import per_version
from .models import PortalSettings


def office_details(request) -> dict[str, str]:
    """``{"name", "address", "email"}`` of the site ``request`` is for."""

    def read() -> dict[str, str]:
        office = PortalSettings.for_request(request)
        return {"name": office.office_name, "address": office.address, "email": office.email}

    return per_version("office-details", request.get_host(), read)
