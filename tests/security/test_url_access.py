"""Every URL pattern, anonymous and as a signed-in user without groups: no admin, no private data."""

import re

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from practices.factories import ImageFactory, PracticePageFactory, TargetGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Gizli taslak uygulama başlığı"
PRIVATE_MARKERS = [
    DRAFT_TITLE,
    "gizli-taslak-govde",  # draft body text
    "gizli.kisi@belediye.example.test",  # a contact person's e-mail
    "Gizlikişi Soyadı",  # a contact person's name
    "+90 555 123 45 67",  # a contact person's phone
    "Gizli ziyaret notu",  # a mentor's visit note
    "editor@example.test",  # staff e-mail addresses
    "gizli-belge-icerigi",  # content of a document in a private collection
]
# Admin URLs that are meant for signed-out people: the login and password-reset flow, and the admin's
# static helpers (translations catalogue, icon sprite), none of which show data.
ADMIN_PUBLIC_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def url_patterns() -> list[tuple[str, str | None, object]]:
    """(route text, name, pattern) for every pattern, walking included resolvers recursively."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}{pattern.name}" if pattern.name else None
                found.append((prefix + str(pattern.pattern), name, pattern))

    walk(get_resolver().url_patterns, "", "")
    return found


def replace_groups(route: str, value_for) -> str:
    """Replace each top-level regex group "(...)" with a value; named groups pass their name."""
    out, depth, start = [], 0, 0
    for index, char in enumerate(route):
        if char == "(" and (index == 0 or route[index - 1] != "\\"):
            if depth == 0:
                start = index
            depth += 1
        elif char == ")" and route[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                group = route[start : index + 1]
                named = re.match(r"\(\?P<(\w+)>", group)
                out.append(value_for(named.group(1) if named else group, route))
            continue
        if depth == 0:
            out.append(char)
    return "".join(out)


def concrete_url(route: str, value_for) -> str:
    route = re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: value_for(m.group(2), route, m.group(1) or "str"), route)
    route = replace_groups(route, lambda name, r: value_for(name, r, "regex"))
    route = route.replace("^", "").replace("$", "").replace("\\", "").replace("?", "")
    return "/" + route


@pytest.fixture
def world(mentor):
    """Public and private objects, so parameters can point at things that exist."""
    public = PracticePageFactory(tags=["acik-etiket"])
    draft = PracticePageFactory(title=DRAFT_TITLE, slug="gizli-taslak", problem="<p>gizli-taslak-govde</p>")
    draft.unpublish()
    image = ImageFactory()
    private_collection = Collection.get_first_root_node().add_child(name="Gizli belgeler")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private_document = Document.objects.create(
        title="Gizli belge",
        collection=private_collection,
        file=ContentFile(b"gizli-belge-icerigi", name="gizli.txt"),
    )
    User.objects.create_user("staffmail", email="editor@example.test", password="x")
    world = {
        "page": draft.pk,
        "public_page": public.pk,
        "image": image.pk,
        "document": private_document.pk,
        "document_file": private_document.filename,
        "collection": private_collection.pk,
        "theme": ThemeFactory().pk,
        "targetgroup": TargetGroupFactory().pk,
        "user": mentor.pk,
        "group": mentor.groups.get().pk if mentor.groups.exists() else 1,
        "revision": draft.latest_revision_id,
        "practice_path": public.url,
    }
    try:
        from mentorship import factories
    except ImportError:
        return world
    contact = factories.ContactPersonFactory(
        name="Gizlikişi Soyadı", email="gizli.kisi@belediye.example.test", phone="+90 555 123 45 67"
    )
    visit = factories.VisitFactory(
        municipality=contact.municipality, notes="Gizli ziyaret notu", mentors=[mentor]
    )
    follow_up = factories.FollowUpFactory(visit=visit, assignee=mentor)
    world.update(
        contactperson=contact.pk, municipality=contact.municipality_id, visit=visit.pk, followup=follow_up.pk
    )
    return world


def value_picker(world):
    def value_for(name: str, route: str, converter: str) -> str:
        lowered = name.lower()
        if converter == "uuid":  # a background task result (Reports -> Background tasks)
            return "00000000-0000-4000-8000-000000000000"
        for key in ("revision", "image", "document", "collection", "group", "user", "theme", "targetgroup"):
            if (key in lowered or f"/{key}s/" in route or f"/{key}/" in route) and key in world:
                return str(world[key])
        if "follow-ups/" in route:
            return str(world.get("followup", 1))
        for key in ("contactperson", "municipality", "visit"):
            if key in lowered or key in route:
                return str(world.get(key, 1))
        if "page" in lowered or "pages/" in route:
            return str(world["page"])
        if converter in ("int", "regex") and ("\\d" in name or lowered in ("pk", "id", "object_id")):
            return str(world["page"])
        if name.startswith("(") and ".*" in name:
            return world["document_file"]
        if lowered in ("app_label",):
            return "practices"
        if lowered in ("model_name",):
            return "practicepage"
        if converter == "int" or "\\d" in name:
            return "1"
        return "x"

    return value_for


def requests_for(world) -> list[tuple[str, str | None]]:
    value_for = value_picker(world)
    urls = []
    for route, name, _pattern in url_patterns():
        if name == "wagtail_serve":
            continue  # the page tree: covered by the public pages below
        url = concrete_url(route, value_for)
        try:
            resolve(url.split("?")[0])
        except Resolver404:
            pytest.fail(f"could not build a URL for {route!r} ({name}): got {url!r}")
        urls.append((url, name))
    urls += [
        ("/", "wagtail_serve"),
        ("/uygulamalar/", "wagtail_serve"),
        (world["practice_path"], "wagtail_serve"),
    ]
    urls.append(("/uygulamalar/gizli-taslak/", "wagtail_serve"))
    return urls


def access_problems(client, urls, who: str) -> list[str]:
    """Admin pages or private data the client was shown (empty when all is well)."""
    problems = []
    for url, name in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        leaked = [marker for marker in PRIVATE_MARKERS if marker in text]
        if leaked:
            problems.append(f"{who} {url} ({name}) -> {response.status_code} shows {leaked}")
        if url.startswith("/admin/") and name not in ADMIN_PUBLIC_NAMES:
            if response.status_code == 200:
                problems.append(f"{who} {url} ({name}) -> 200 admin page")
            elif response.status_code in (301, 302):
                location = response["Location"]
                if not location.startswith("/admin/login/"):
                    problems.append(f"{who} {url} ({name}) -> redirect to {location}")
            elif response.status_code not in (400, 403, 404, 405):
                problems.append(f"{who} {url} ({name}) -> {response.status_code}")
    return problems


def test_every_url_pattern_is_enumerated_and_buildable(world):
    urls = requests_for(world)
    names = {name for _, name in urls}
    assert len(urls) > 200
    assert {"wagtailadmin_home", "wagtailimages:index", "wagtaildocs:index", "healthz"} <= names
    assert any(url.startswith("/api/v2/pages/") for url, _ in urls)


def test_anonymous_visitors_get_no_admin_and_no_private_data(world):
    client = Client(raise_request_exception=False)
    urls = requests_for(world)
    assert len(urls) > 200
    assert access_problems(client, urls, "anonymous") == []


def test_signed_in_users_without_groups_get_no_admin_and_no_private_data(world):
    User.objects.create_user("vatandas", password="pass")
    client = Client(raise_request_exception=False)
    client.login(username="vatandas", password="pass")
    urls = requests_for(world)
    assert len(urls) > 200
    assert access_problems(client, urls, "no-group user") == []


def test_private_collection_documents_need_a_login(client, world):
    document = Document.objects.get(pk=world["document"])
    response = client.get(document.url)
    assert response.status_code == 302
    assert "gizli-belge-icerigi" not in response.content.decode()


def test_api_does_not_publish_drafts(client, world):
    assert client.get(f"/api/v2/pages/{world['page']}/").status_code == 404
    assert client.get(f"/api/v2/pages/{world['public_page']}/").status_code == 200
    listing = client.get("/api/v2/pages/?limit=100").content.decode()
    assert DRAFT_TITLE not in listing


def test_the_check_flags_admin_pages_and_private_data_when_they_are_shown(world, admin_user):
    """Guard against a check that cannot fail: a superuser does see the admin and the draft."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    urls = [(url, name) for url, name in requests_for(world) if url.startswith("/admin/pages/")]
    problems = "\n".join(access_problems(client, urls, "superuser"))
    assert "200 admin page" in problems
    assert DRAFT_TITLE in problems
