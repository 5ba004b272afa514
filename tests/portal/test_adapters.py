"""The library internals portal/adapters.py reaches still exist and behave as the project relies on.

A failure here after an upgrade names the internal that changed: adapt the one function in
portal/adapters.py (or replace it with a public API the new version offers) before shipping the upgrade.
The last test keeps the rest of the project from reaching internals outside the adapter.
"""

import ast
import hashlib
import inspect
import io
from pathlib import Path

from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from csp.middleware import CSPMiddleware, PolicyParts
from PIL import Image
from taggit.models import Tag
from treebeard.mp_tree import MP_Node

from portal import adapters
from portal.middleware import ContentSecurityPolicyMiddleware

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ("portal", "practices", "mentorship", "search")


def require(condition: bool, internal: str, what: str) -> None:
    assert condition, (
        f"Library upgrade broke {internal}, which portal/adapters.py relies on: {what}. "
        "Adapt the adapter function (or switch to a public API the new version offers)."
    )


def sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


# --- The internals exist with the signatures the adapter calls ---------------------------------------------


def test_treebeard_path_helpers_keep_their_signatures():
    require(hasattr(MP_Node, "_get_path"), "treebeard MP_Node._get_path", "the method is gone")
    require(
        parameters(MP_Node._get_path) == ["path", "depth", "newstep"],
        "treebeard MP_Node._get_path",
        f"parameters are now {parameters(MP_Node._get_path)}",
    )
    require(hasattr(MP_Node, "_str2int"), "treebeard MP_Node._str2int", "the method is gone")
    require(isinstance(Page.steplen, int), "treebeard MP_Node.steplen", "no longer an integer")


def test_django_manager_insert_keeps_its_signature():
    insert = getattr(Tag._base_manager, "_insert", None)
    require(insert is not None, "Django Manager._insert", "the method is gone")
    params = parameters(insert)
    require(
        {"objs", "fields", "using"} <= set(params), "Django Manager._insert", f"parameters are now {params}"
    )


def test_wagtail_file_metadata_methods_exist():
    require(
        callable(getattr(get_image_model(), "_set_image_file_metadata", None)),
        "Wagtail AbstractImage._set_image_file_metadata",
        "the method is gone",
    )
    require(
        callable(getattr(get_document_model(), "_set_document_file_metadata", None)),
        "Wagtail AbstractDocument._set_document_file_metadata",
        "the method is gone",
    )


def test_django_csp_policy_hook_keeps_its_signature():
    # Not an internal: the subclass hook django-csp documents; pinned because the admin's CSP depends on it.
    params = parameters(CSPMiddleware.get_policy_parts)
    require(
        params == ["self", "request", "response", "report_only"],
        "django-csp CSPMiddleware.get_policy_parts",
        f"parameters are now {params}",
    )
    require(
        "replace" in PolicyParts.__dataclass_fields__, "django-csp PolicyParts.replace", "the field is gone"
    )


# --- ... and behave as the project relies on ---------------------------------------------------------------


@pytest.mark.django_db
def test_cached_parent_makes_get_parent_free(django_assert_num_queries):
    home = Page.objects.get(depth=2)
    child = Page.objects.get(pk=home.pk)
    parent = Page.objects.get(depth=1)
    adapters.set_cached_parent(child, parent)
    with django_assert_num_queries(0):
        found = child.get_parent()
    require(found is parent, "treebeard MP_Node._cached_parent_obj", "get_parent() no longer reads the cache")


@pytest.mark.django_db
def test_a_given_route_is_what_wagtail_serves(django_assert_num_queries):
    home = Page.objects.get(depth=2)
    request = RequestFactory().get("/")
    adapters.set_page_route(request, (home, (), {}))
    with django_assert_num_queries(0):
        found = Page.route_for_request(request, "/")
    require(
        found is not None and found[0] is home,
        "wagtail Page.route_for_request / request._wagtail_route_for_request",
        "Wagtail no longer reads the route cached on the request (portal.routing would route twice)",
    )


@pytest.mark.django_db
def test_a_given_site_is_what_wagtail_finds(django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST="elsewhere.example")
    adapters.set_request_site(request, site)
    with django_assert_num_queries(0):
        found = Site.find_for_request(request)
    require(
        found is site,
        "wagtail Site.find_for_request / request._wagtail_site",
        "Wagtail no longer reads the site cached on the request (portal.routing would look it up again)",
    )


@pytest.mark.django_db
def test_tree_paths_match_what_treebeard_writes():
    root = Page.objects.get(depth=1)
    first = root.add_child(instance=Page(title="Adapter one", slug="adapter-one"))
    second = root.add_child(instance=Page(title="Adapter two", slug="adapter-two"))
    step = adapters.tree_path_step(Page, first.path)
    require(
        adapters.tree_path_step(Page, second.path) == step + 1,
        "treebeard MP_Node._str2int",
        "consecutive siblings no longer decode to consecutive steps",
    )
    require(
        adapters.tree_child_path(Page, parent_path=root.path, depth=2, step=step + 1) == second.path,
        "treebeard MP_Node._get_path",
        "the computed path differs from the one add_child() wrote",
    )
    third = adapters.tree_child_path(Page, parent_path=root.path, depth=2, step=step + 2)
    assert root.add_child(instance=Page(title="Adapter three", slug="adapter-three")).path == third


@pytest.mark.django_db
def test_insert_rows_writes_only_the_given_rows():
    fields = [field for field in Tag._meta.local_concrete_fields if not field.primary_key]
    adapters.insert_rows(
        Tag,
        [Tag(name="adapter a", slug="adapter-a"), Tag(name="adapter b", slug="adapter-b")],
        fields=fields,
        using="default",
    )
    require(
        set(Tag.objects.values_list("slug", flat=True)) >= {"adapter-a", "adapter-b"},
        "Django Manager._insert",
        "the rows were not inserted",
    )


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.django_db  # a new image or document defaults to the root collection
def test_image_metadata_is_filled_from_the_file():
    data = _jpeg()
    image = get_image_model()(title="Adapter", width=4, height=3)
    image.file = ImageFile(io.BytesIO(data), name="adapter.jpg")
    adapters.set_image_file_metadata(image)
    require(
        image.file_size == len(data) and image.file_hash == sha1(data),
        "Wagtail AbstractImage._set_image_file_metadata",
        f"file_size/file_hash are {image.file_size!r}/{image.file_hash!r}",
    )


@pytest.mark.django_db
def test_document_metadata_is_filled_from_the_file():
    data = b"a,b\n1,2\n"
    document = get_document_model()(title="Adapter")
    document.file = ContentFile(data, name="adapter.csv")
    adapters.set_document_file_metadata(document)
    require(
        document.file_size == len(data) and document.file_hash == sha1(data),
        "Wagtail AbstractDocument._set_document_file_metadata",
        f"file_size/file_hash are {document.file_size!r}/{document.file_hash!r}",
    )


def _request_with_messages():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # what MessageMiddleware does
    return request


def test_messages_touched_sees_added_and_displayed_messages():
    assert adapters.messages_touched(RequestFactory().get("/")) is False  # no messages middleware
    fresh = _request_with_messages()
    assert adapters.messages_touched(fresh) is False
    added = _request_with_messages()
    get_messages(added).add(constants.INFO, "saved")
    require(
        adapters.messages_touched(added) is True,
        "Django BaseStorage._queued_messages",
        "a message added in this request is not seen",
    )
    shown = _request_with_messages()
    list(get_messages(shown))
    assert adapters.messages_touched(shown) is True
    assert fresh.session.accessed is False  # judging did not read the stored messages


def test_admin_csp_is_relaxed_only_under_admin():
    middleware = ContentSecurityPolicyMiddleware(lambda request: None)
    response = HttpResponse()
    admin = middleware.get_policy_parts(RequestFactory().get("/admin/"), response)
    public = middleware.get_policy_parts(RequestFactory().get("/"), response)
    assert admin.replace and "script-src" in admin.replace
    assert not public.replace


# --- Nothing else reaches into libraries -------------------------------------------------------------------

# Underscore names Django documents for use (Model._meta, _default_manager, _base_manager, _state).
DOCUMENTED = {"_meta", "_default_manager", "_base_manager", "_state"}


def _project_files() -> list[Path]:
    files = []
    for package in PROJECT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts and path != ROOT / "portal" / "adapters.py":
                files.append(path)
    return files


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in {"self", "cls"}


def _own_names(trees: list[ast.Module]) -> set[str]:
    """Private names the project defines itself: functions, classes, module names and its own attributes."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not _overrides_super(node):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and _is_self(node.value):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if _private(name)}


def _overrides_super(node: ast.AST) -> bool:
    """A method that calls super() of its own name: it overrides the library's method of that name."""
    if not isinstance(node, ast.FunctionDef):
        return False
    return any(
        isinstance(call, ast.Attribute)
        and call.attr == node.name
        and isinstance(call.value, ast.Call)
        and isinstance(call.value.func, ast.Name)
        and call.value.func.id == "super"
        for call in ast.walk(node)
    )


def _private_uses(tree: ast.Module, label: str, own: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _is_self(node.value):
            name = node.attr
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in {"getattr", "setattr", "hasattr", "delattr"} and len(node.args) > 1:
                key = node.args[1]
                if isinstance(key, ast.Constant) and isinstance(key.value, str) and _private(key.value):
                    name = key.value
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and any(_private(part) for part in node.module.split("."))
        ):
            name = node.module
        if name and name not in own and name not in DOCUMENTED:
            found.append(f"{label}:{node.lineno}: {name}")
    return found


def library_internals_outside_adapter(sources: dict[str, str]) -> list[str]:
    trees = {label: ast.parse(text) for label, text in sources.items()}
    own = _own_names(list(trees.values()))
    return [use for label, tree in trees.items() for use in _private_uses(tree, label, own)]


def test_library_internals_are_reached_only_through_the_adapter():
    sources = {str(path.relative_to(ROOT)): path.read_text(encoding="utf-8") for path in _project_files()}
    uses = library_internals_outside_adapter(sources)
    assert not uses, "Library internals used outside portal/adapters.py (move each there, with a test):\n" + (
        "\n".join(uses)
    )


def test_the_internals_check_catches_each_kind_of_use():
    source = """
from django.utils._os import safe_join
class Field(Base):
    def _check_values(self, value):
        return super()._check_values(value)
def view(response, page, parent):
    response._csp_replace = {}
    page._cached_parent_obj = parent
    return getattr(response, "_csp_exempt", False), page._meta, self_made._mine
_mine = 1
"""
    uses = library_internals_outside_adapter({"example.py": source})
    assert sorted(use.split(": ", 1)[1] for use in uses) == [
        "_cached_parent_obj",
        "_check_values",
        "_csp_exempt",
        "_csp_replace",
        "django.utils._os",
    ]
