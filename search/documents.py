"""The Elasticsearch index for practices: Turkish analyzers, folded sub-fields, facet keywords, completion."""

from django.conf import settings

from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from portal.text import turkish_sort_key

# Turkish lower-casing must come before stop words and stemming: "İ" -> "i", "I" -> "ı".
turkish_lowercase = token_filter("turkish_lowercase", type="lowercase", language="turkish")
turkish_stop = token_filter("turkish_stop", type="stop", stopwords="_turkish_")
turkish_stemmer = token_filter("turkish_stemmer", type="stemmer", language="turkish")
# "İstanbul'da" -> "İstanbul": the apostrophe filter drops the suffix after an apostrophe.
turkish_analyzer = analyzer(
    "turkish_text",
    tokenizer="standard",
    filter=["apostrophe", turkish_lowercase, turkish_stop, turkish_stemmer],
)
# Queries typed without Turkish letters: Turkish lower case, then fold ç->c ğ->g ı->i ö->o ş->s ü->u.
folded_analyzer = analyzer(
    "turkish_folded",
    tokenizer="standard",
    filter=["apostrophe", turkish_lowercase, "asciifolding"],
)


# English pages (issue 15): Elasticsearch's English analysis spelled out from the analysis-common filters
# (the built-in "english" analyzer is not registered by the repository's launcher).
english_analyzer = analyzer(
    "english_text",
    tokenizer="standard",
    filter=[
        "lowercase",
        token_filter("english_stop", type="stop", stopwords="_english_"),
        token_filter("english_stemmer", type="stemmer", language="english"),
    ],
)


def turkish_text(**kwargs) -> Text:
    """Turkish analysis, with a folded sub-field and an English-analysed one (English documents, issue 15)."""
    fields = {"folded": Text(analyzer=folded_analyzer), "english": Text(analyzer=english_analyzer)}
    return Text(analyzer=turkish_analyzer, fields=fields, **kwargs)


def index_name() -> str:
    """The alias searches use; the concrete indices behind it carry a timestamp (see search.indexing)."""
    return settings.ELASTICSEARCH_INDEX


class PracticeDocument(Document):
    """One published practice as Elasticsearch stores it."""

    page_id = Integer()
    # The page's language, and the readers' languages it is shown to (see search.store.served_languages).
    language = Keyword()
    serves = Keyword(multi=True)
    title = turkish_text()
    summary = turkish_text()
    body = turkish_text()
    tags = turkish_text(multi=True)
    theme = turkish_text()
    place = turkish_text()

    url = Keyword(index=False)
    theme_slug = Keyword()
    target_groups = Keyword(multi=True)
    tag_slugs = Keyword(multi=True)
    sdgs = Integer(multi=True)
    status = Keyword()
    evidence_level = Keyword()
    budget_band = Keyword()
    province = Integer()
    province_name = Keyword()
    start_year = Integer()
    adoption_count = Integer()
    first_published_at = Date()
    title_sort = Keyword()
    suggest = Completion(analyzer=folded_analyzer)

    class Index:
        name = "practice-atlas"  # replaced per environment by index_for() below
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_page(cls, page, *, present: set[str] | None = None) -> "PracticeDocument":
        """``present``: the languages the practice is published in (looked up when not given)."""
        from .store import languages_present, page_language, served_languages

        language = page_language(page)
        if present is None:
            present = languages_present(keys=[page.translation_key])[page.translation_key]
        tags = list(page.tags.all())
        # Everything a person might search for (sections, steps, partners, metrics, documents' text, ...).
        body = page.search_body
        return cls(
            meta={"id": page.pk},
            page_id=page.pk,
            language=language,
            serves=served_languages(language, present).strip("|").split("|"),
            title=page.title,
            summary=page.summary,
            body=" ".join(body.split()),
            tags=[tag.name for tag in tags],
            theme=page.theme.name,
            place=" ".join(part for part in (page.province_name, page.location) if part),
            url=page.url or "",
            theme_slug=page.theme.slug,
            target_groups=[group.slug for group in page.target_groups.all()],
            tag_slugs=[tag.slug for tag in tags],
            sdgs=[sdg.number for sdg in page.sdgs.all()],
            status=page.status,
            evidence_level=page.evidence_level,
            budget_band=page.budget_band,
            province=page.province,
            province_name=page.province_name,
            start_year=page.start_year,
            adoption_count=page.adoption_count,
            first_published_at=page.first_published_at,
            title_sort=turkish_sort_key(page.title),
            suggest={"input": [page.title, *(tag.name for tag in tags)]},
        )


def index_for(name: str):
    """An Index object carrying PracticeDocument's settings, analyzers and mapping under a concrete name."""
    from elasticsearch.dsl import Index

    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(PracticeDocument)
    return index


def index_body() -> dict:
    """Settings (with analysis) and mappings as plain data: what `--rebuild` sends when creating an index."""
    return index_for("unused").to_dict()
