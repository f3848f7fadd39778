"""linkchart.reporting.text: the report as text and Markdown; data text in the Markdown
is never read as HTML or a link, in prose as in tables."""

from __future__ import annotations

import re
import warnings

from linkchart import Relation, Vocabulary, from_records, report
from linkchart.reporting.text import _no_html

HOSTILE = "<script>alert('x')</script>"


def test_data_text_in_the_markdown_is_never_html_nor_a_link() -> None:
    v = Vocabulary(relations=(Relation("funds"), Relation("fights", directed=False, sign="negative")))
    c = from_records(
        [
            {"id": "Alice", "type": "person", "label": HOSTILE},
            {"id": "Bob", "type": "person", "label": "[click](javascript:alert(1))"},
            {"id": "Carol", "type": "organisation", "label": "<img src=x onerror=alert(3)> & co"},
        ],
        [
            {"from": "Alice", "relation": "funds", "to": "Bob", "source": "s1", "evidence": "<b>paid</b>"},
            {"from": "Bob", "relation": "funds", "to": "Carol", "source": "s1"},
            {"from": "Alice", "relation": "fights", "to": "Bob", "source": "s2"},
        ],
        v,
        title="XSS </script><script>alert('t')</script>",
        sources=[{"id": "s1", "title": "<b>S1</b>", "reliability": "B"}, {"id": "s2"}],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        md = report(c).to_markdown()
    assert not re.search(r"(?<!\\)<[a-zA-Z/!?]", md), [x for x in md.splitlines() if "<" in x][:3]
    assert md.count("](javascript") == md.count("[click\\](javascript") > 0  # never a link
    assert "&lt;script>alert('x')&lt;/script>" in md  # shown as the text it is
    assert "&amp; co" in md and "&lt;img" in md
    assert md.startswith("# XSS &lt;/script>&lt;script>")


def test_an_even_run_of_backslashes_escapes_nothing() -> None:
    assert _no_html("a \\<b> c") == "a \\<b> c"  # escaped already: shown as text
    assert _no_html("a \\\\<b> c") == "a \\\\&lt;b> c"  # a backslash shown, then the tag's start
    assert _no_html("[x](y) & z") == "[x\\](y) &amp; z"
