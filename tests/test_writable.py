"""Tests for linkchart.writable: the one check of text that no file can hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linkchart.writable import find_unwritable, unwritable

TEXT = st.text(st.characters(exclude_categories=["Cs"]))
SURROGATE = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


@given(TEXT)
def test_text_without_surrogates_is_writable(text: str) -> None:
    assert unwritable(text) is None
    text.encode("utf-8")


@given(TEXT, SURROGATE, TEXT)
def test_a_lone_surrogate_is_named_with_its_place(head: str, bad: str, tail: str) -> None:
    why = unwritable(head + bad + tail)
    assert why is not None and f"U+{ord(bad):04X}, character {len(head) + 1})" in why


def test_every_bad_text_in_a_tree_is_found_keys_included() -> None:
    tree = {"a": ["ok", "\udc80"], "\ud800": 1, "b": {"c": ("x", {"d": "\udfff"})}, "n": [1.5, None, True]}
    assert [path for path, _ in find_unwritable(tree, "top")] == ["top.a[1]", "top.\ud800", "top.b.c[1].d"]
