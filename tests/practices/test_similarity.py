"""Related practices by text similarity (issue 16): TF-IDF cosine over stems, combined with tags and theme."""

import io

from django.core.management import call_command

import pytest

from practices import similarity
from practices.factories import PracticePageFactory, ThemeFactory
from practices.models import PracticeDigest, PracticePage


def profile(page_id, stems, *, theme=1, tags=(), groups=(), recency=0.0):
    return similarity.Profile(
        page_id=page_id,
        theme_id=theme,
        tag_ids=frozenset(tags),
        group_ids=frozenset(groups),
        stems=frozenset(stems.split()),
        recency=recency,
    )


def test_rare_shared_words_weigh_more_than_words_every_practice_has():
    subject = profile(1, "belediye hizmet gıda yardım market")
    food = profile(2, "belediye hizmet gıda yardım kart")
    sport = profile(3, "belediye hizmet spor okul engelli")
    other = profile(4, "belediye hizmet kreş çocuk")
    idf = similarity.Idf.of([subject, food, sport, other])
    assert similarity.text_cosine(subject, food, idf) > 0.3
    assert similarity.text_cosine(subject, sport, idf) < 0.05  # only words every practice has
    assert similarity.text_cosine(subject, food, idf) == similarity.text_cosine(food, subject, idf)


def test_text_decides_between_practices_of_the_same_theme():
    subject = profile(1, "yaşlı evde bakım sağlık tarama")
    similar = profile(2, "yaşlı evde bakım temizlik", recency=1.0)
    newer_unrelated = profile(3, "gençlik kariyer merkez", recency=2.0)
    ranked = similarity.rank(subject, [newer_unrelated, similar], limit=3)
    assert [pk for pk, _score in ranked] == [2, 3]


def test_a_shared_tag_outweighs_the_theme_and_a_pair_sharing_nothing_is_not_related():
    subject = profile(1, "gıda market", theme=1, tags={7})
    tagged = profile(2, "spor okul", theme=2, tags={7})
    same_theme = profile(3, "kreş çocuk", theme=1)
    unrelated = profile(4, "spor okul", theme=2)
    ranked = similarity.rank(subject, [same_theme, unrelated, tagged], limit=3)
    assert [pk for pk, _score in ranked] == [2, 3]


def test_a_practice_without_text_still_ranks_by_tags_and_theme():
    subject = profile(1, "")
    assert similarity.rank(subject, [profile(2, "")], limit=3) == [[2, similarity.THEME_WEIGHT]]


@pytest.mark.django_db
def test_demo_practices_that_a_reader_would_call_similar_are_related():
    call_command("load_demo", stdout=io.StringIO())
    by_title = {page.title: page.pk for page in PracticePage.objects.all()}
    related = {
        digest.page_id: [pk for pk, _score in digest.related] for digest in PracticeDigest.objects.all()
    }

    def first(title):
        return related[by_title[title]][0]

    # Food aid, both ways: a social market and a digital food card.
    assert first("Sosyal Market") == by_title["Şefkat Kart – Dijital Gıda Kartı"]
    assert first("Şefkat Kart – Dijital Gıda Kartı") == by_title["Sosyal Market"]
    # Disability: accessible transport and a sports school for the disabled.
    assert first("Engelsiz Ulaşım Hizmeti") == by_title["Engelli Spor Okulu"]
    assert first("Engelli Spor Okulu") == by_title["Engelsiz Ulaşım Hizmeti"]
    # Women: an agricultural cooperative and a counselling centre (different themes, shared subject).
    assert by_title["Kadın Danışma Merkezi"] in related[by_title["Kadın Tarım Kooperatifi"]][:3]
    # And pairs that must not be related: the food card and the sports school, newborns and careers.
    assert by_title["Engelli Spor Okulu"] not in related[by_title["Şefkat Kart – Dijital Gıda Kartı"]]
    assert by_title["Gençlik Kariyer Merkezi"] not in related[by_title["Yeni Doğan Destek Paketi"]]


@pytest.mark.django_db
def test_the_practice_page_shows_the_textually_closest_of_its_theme_first(client):
    theme = ThemeFactory()
    practice = PracticePageFactory(
        title="Yaşlılara evde sağlık taraması", summary="Yaşlı hanelere evde sağlık taraması.", theme=theme
    )
    PracticePageFactory(
        title="Gençlik kariyer merkezi", summary="Gençlere kariyer danışmanlığı.", theme=theme
    )
    PracticePageFactory(
        title="Yaşlılara evde bakım", summary="Yaşlı hanelere evde bakım ve sağlık.", theme=theme
    )
    html = client.get(practice.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert related.index("Yaşlılara evde bakım") < related.index("Gençlik kariyer merkezi")
