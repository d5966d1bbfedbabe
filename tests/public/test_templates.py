"""The site's words come from the catalogue: no Arabic in its templates or code; the language is a parameter."""

from __future__ import annotations

import re
from pathlib import Path

from public.language import language
from public.site import Alternate
from public.templates import TEMPLATES, environment
from public.way_in import WayIn

PUBLIC = Path(__file__).resolve().parents[2] / "public"
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def test_no_arabic_outside_the_catalogue() -> None:
    sources = [*TEMPLATES.glob("*.html"), *PUBLIC.glob("*.py"), *PUBLIC.glob("static/*")]
    offenders = [p.name for p in sources if ARABIC.search(p.read_text(encoding="utf-8"))]
    assert sources and offenders == []


def test_templates_escape_and_take_the_language_as_a_parameter() -> None:
    assert environment().autoescape is True
    arabic, english = language("ar"), language("en")
    alternates = [Alternate(arabic, ""), Alternate(english, "en/")]
    page = (
        environment()
        .get_template("not_found.html")
        .render(
            t=english.t,
            lang=english,
            links=_Links(),
            here="en/x/",
            config=_Config(),
            alternates=alternates,
            way_in=WayIn(None, None, None),
        )
    )
    assert '<html lang="en" dir="ltr">' in page and 'href="../../en/"' in page
    # The switch to Arabic is named in Arabic and marked as such; hreflang lists both and the default.
    assert '<a href="../../" hreflang="ar" lang="ar" dir="rtl" rel="alternate">العربية</a>' in page
    assert '<link rel="alternate" hreflang="en" href="../../en/">' in page
    assert '<link rel="alternate" hreflang="x-default" href="../../">' in page


class _Links:
    def to(self, target: str) -> str:
        return "../../" + target

    def absolute(self, target: str) -> None:
        return None


class _Config:
    licence = "CC BY 4.0"
