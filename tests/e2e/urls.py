"""The portal's URLs plus uploaded files from the test storage, so browser screenshots show the images."""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401 - Django looks the handlers up on the URLconf
from portal.urls import urlpatterns as portal_urlpatterns


def media(request, file_path):
    if not default_storage.exists(file_path):
        raise Http404(file_path)
    content_type = mimetypes.guess_type(file_path)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(file_path), content_type=content_type)


urlpatterns = [path("media/<path:file_path>", media), *portal_urlpatterns]
