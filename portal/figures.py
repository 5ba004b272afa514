"""The home page's headline figures, gathered from the apps that own the data through a Wagtail hook, so the
portal never names their models (practices counts practices, mentorship counts municipalities).

An app registers a function taking no arguments and returning HeadlineFigure objects::

    @hooks.register(HEADLINE_FIGURES_HOOK)
    def practice_figures():
        return [HeadlineFigure(key="practices", value=..., label=..., order=10)]
"""

from dataclasses import dataclass

from wagtail import hooks

HEADLINE_FIGURES_HOOK = "register_headline_figures"


@dataclass(frozen=True)
class HeadlineFigure:
    """One number on the home page, read as a phrase: ``value`` then ``label`` ("16 municipalities hosted").

    ``label`` is already chosen for ``value`` (ngettext), so Turkish can keep the noun singular after a
    number ("16 belediye") and English can say "1 municipality".
    """

    key: str
    value: int
    label: str
    order: int = 100
    url: str = ""


def headline_figures() -> list[HeadlineFigure]:
    """Every registered figure above zero, in order: a fresh site shows no "0 municipalities"."""
    figures = [figure for function in hooks.get_hooks(HEADLINE_FIGURES_HOOK) for figure in function()]
    return sorted(
        (figure for figure in figures if figure.value > 0), key=lambda figure: (figure.order, figure.key)
    )
