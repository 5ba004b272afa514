"""The one place the project reaches into library internals (Django, Wagtail, django-treebeard).

Each function wraps one private attribute or method that no public API replaces, says what it reaches and
why, and is pinned by tests/portal/test_adapters.py: an upgrade that renames or changes one of them fails
that test with a message naming the internal, instead of breaking a page or the demo generator silently.
Everything else in the project calls these functions and never the internals themselves.
"""

from collections.abc import Sequence
from typing import Any

from django.contrib.messages import get_messages
from django.contrib.messages.storage.base import BaseStorage
from django.db import models
from django.http import HttpRequest


def set_cached_parent(child: Any, parent: Any) -> None:
    """Tell a tree node its parent, so ``child.get_parent()`` (and Wagtail's routing, breadcrumbs and URL
    building on it) costs no query.

    Reaches treebeard's ``MP_Node._cached_parent_obj``, the cache ``get_parent()`` reads; Wagtail sets it
    the same way in ``Page.route``. Treebeard has no public setter.
    """
    child._cached_parent_obj = parent


def set_page_route(request: HttpRequest, result: Any) -> None:
    """Give Wagtail the route of ``request`` (``(page, args, kwargs)`` from ``Page.route()``, or None), so
    ``wagtail.views.serve`` uses it instead of routing again.

    Reaches ``request._wagtail_route_for_request``, the cache ``Page.route_for_request`` reads (its
    docstring names it); portal.routing starts the route at the home page in the address's language with the
    portal's locale ids, without Wagtail's per-request Locale query.
    """
    request._wagtail_route_for_request = result


def set_request_site(request: HttpRequest, site: Any) -> None:
    """Give Wagtail the Site of ``request``, so ``Site.find_for_request`` (routing, URLs, site settings)
    answers without a query.

    Reaches ``request._wagtail_site``, the cache ``Site.find_for_request`` reads and writes (its docstring
    names it); portal.routing keeps each host's Site per process.
    """
    request._wagtail_site = site


def tree_child_path(node_model: type, *, parent_path: str, depth: int, step: int) -> str:
    """The materialised path of the ``step``-th child (1-based) at ``depth`` below ``parent_path``.

    Reaches treebeard's ``MP_Node._get_path``. The public ``add_child()`` writes one node per query;
    the demo generator writes thousands of pages in bulk and computes their paths itself.
    """
    return node_model._get_path(parent_path, depth, step)


def tree_path_step(node_model: type, path: str) -> int:
    """The position (1-based) a node's path gives it among its siblings: the inverse of ``tree_child_path``.

    Reaches treebeard's ``MP_Node._str2int`` (the path alphabet's base conversion); no public API decodes
    a path.
    """
    return node_model._str2int(path[-node_model.steplen :])


def insert_rows(
    model: type[models.Model], objs: Sequence[models.Model], *, fields: Sequence, using: str
) -> None:
    """INSERT the rows of ``model``'s own table for ``objs``, without saving parent tables or sending signals.

    Reaches Django's ``Manager._insert`` (what ``bulk_create`` calls). ``bulk_create`` refuses models with
    multi-table inheritance, and the demo generator writes the Page rows and the PracticePage rows apart.
    """
    model._base_manager._insert(objs, fields=fields, using=using)


def set_image_file_metadata(image: Any) -> None:
    """Fill an image's ``file_size`` and ``file_hash`` from its unsaved file, as Wagtail's upload form does.

    Reaches Wagtail's ``AbstractImage._set_image_file_metadata``: Wagtail's forms and multiple-upload view
    call it; there is no public equivalent for an image made in code.
    """
    image._set_image_file_metadata()


def set_document_file_metadata(document: Any) -> None:
    """Fill a document's ``file_size`` and ``file_hash`` from its unsaved file, as Wagtail's upload form does.

    Reaches Wagtail's ``AbstractDocument._set_document_file_metadata``, for the same reason as images.
    """
    document._set_document_file_metadata()


def messages_touched(request: HttpRequest) -> bool:
    """Whether handling the request displayed messages or added ones not displayed yet.

    Reaches the ``_queued_messages`` list of Django's message storage (``BaseStorage``); ``used`` is public.
    ``len(storage)`` would also read the stored messages, touching the session or cookie and so varying
    the response it is meant to judge.
    """
    storage = get_messages(request)  # [] when the messages middleware did not run
    if not isinstance(storage, BaseStorage):
        return False
    return storage.used or bool(storage._queued_messages)
