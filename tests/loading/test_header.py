"""The header: a relation's sign and layer, and the analysis section's default layers."""

from __future__ import annotations

from pathlib import Path

import pytest

import linkchart
from linkchart import LoadError

HEAD = "linkchart: 1\ntitle: t\n"
BODY = "nodes: [{id: A, type: state}, {id: B, type: state}]\nedges: [{from: A, relation: funds, to: B}]\n"


def load(tmp_path: Path, header: str) -> linkchart.LinkChart:
    (tmp_path / "g.yaml").write_text(HEAD + header + BODY, encoding="utf-8")
    return linkchart.load(tmp_path / "g.yaml")


def test_sign_and_layer_are_read_with_their_defaults(tmp_path: Path) -> None:
    c = load(
        tmp_path,
        "relations:\n  funds: {layer: operational}\n  fights: {sign: negative, layer: operational}\n"
        "  borders: {directed: false, layer: geography}\n  knows: {}\nanalysis: {layers: [operational]}\n",
    )
    v = c.vocabulary
    assert [(r.name, r.sign, r.layer) for r in v.relations] == [
        ("funds", "positive", "operational"),
        ("fights", "negative", "operational"),
        ("borders", "positive", "geography"),
        ("knows", "positive", "common"),
    ]
    assert v.layers == ("operational", "geography", "common") and v.default_layers == ("operational",)
    assert v.signed


def test_a_v1_file_reads_as_before(tmp_path: Path) -> None:
    c = load(tmp_path, "relations: {funds: {}}\n")
    assert c.vocabulary.layers == ("common",) and c.vocabulary.default_layers is None
    assert not c.vocabulary.signed
    assert linkchart.reading(c).everything


@pytest.mark.parametrize(
    ("header", "code", "path", "hint"),
    [
        (
            "relations: {funds: {sign: hostile}}\n",
            "wrong-type",
            "relations.funds.sign",
            "write 'sign: negative'",
        ),
        (
            "relations: {funds: {sign: negatve}}\n",
            "wrong-type",
            "relations.funds.sign",
            "write 'sign: negative'",
        ),
        (
            "relations: {funds: {sign: neutrl}}\n",
            "wrong-type",
            "relations.funds.sign",
            "did you mean 'neutral'? write 'sign: negative'",
        ),
        (
            "relations: {funds: {reading: nothing}}\n",
            "wrong-type",
            "relations.funds.reading",
            "write 'reading: none' for an example or a category",
        ),
        (
            "relations: {funds: {reading: nne}}\n",
            "wrong-type",
            "relations.funds.reading",
            "did you mean 'none'?",
        ),
        ("relations: {funds: {readng: none}}\n", "unknown-field", "relations.funds.readng", "'reading'"),
        ("relations: {funds: {layer: 3}}\n", "wrong-type", "relations.funds.layer", ""),
        (
            "relations: {funds: {layer: operational}}\nanalysis: {layers: [operatonal]}\n",
            "unknown-layer",
            "analysis.layers[0]",
            "did you mean 'operational'?",
        ),
        ("relations: {funds: {}}\nanalysis: {layer: [common]}\n", "unknown-field", "analysis.layer", ""),
        ("relations: {funds: {}}\nanalysis: [common]\n", "wrong-type", "analysis", ""),
        ("relations: {funds: {}}\nanalysis: {layers: {a: 1}}\n", "wrong-type", "analysis.layers", ""),
    ],
)
def test_bad_signs_layers_and_analysis_are_located(
    tmp_path: Path, header: str, code: str, path: str, hint: str
) -> None:
    with pytest.raises(LoadError) as info:
        load(tmp_path, header)
    (p,) = info.value.problems
    assert (p.code, p.path) == (code, path)
    assert p.line is not None and hint in (p.hint or "")


def test_signs_layers_and_analysis_round_trip_through_yaml(tmp_path: Path) -> None:
    c = load(
        tmp_path,
        "relations:\n  funds: {layer: ops}\n  fights: {sign: negative, layer: ops}\n"
        "  lies_in: {layer: geo}\nanalysis: {layers: [ops]}\n",
    )
    out = linkchart.write_yaml(c, tmp_path / "copy.yaml")
    assert linkchart.load(out) == c


# ---------------------------------------------------------------------------- node classes
def test_node_classes_are_read_located_and_written_back(tmp_path: Path) -> None:
    c = load(tmp_path, "node_types:\n  state: {class: organisation, color: '#123456'}\n  person: {}\n")
    assert [(t.name, t.node_class) for t in c.vocabulary.node_types] == [
        ("state", "organisation"),
        ("person", None),
    ]
    back = linkchart.load(linkchart.write_yaml(c, tmp_path / "back.yaml"))
    assert back.vocabulary == c.vocabulary
    for x in ("graphml", "xlsx"):
        assert linkchart.load(linkchart.export(c, tmp_path / f"c.{x}")).vocabulary == c.vocabulary
    with pytest.raises(LoadError) as err:
        load(tmp_path, "node_types:\n  state: {class: organization}\n  person: {class: 3}\n")
    first, second = err.value.problems
    assert (first.code, first.path, first.line) == ("wrong-type", "node_types.state.class", 4)
    assert first.hint.startswith("did you mean 'organisation'?")
    assert second.path == "node_types.person.class" and "the classes are agent, organisation" in second.hint


def test_a_file_without_classes_has_none() -> None:
    c = linkchart.load(Path(__file__).parents[2] / "graphs" / "central_asia.yaml")
    assert all(t.node_class is None for t in c.vocabulary.node_types)
    assert not linkchart.classes(c).multimode


def test_neutral_signs_and_unread_relations_are_read_and_written_back(tmp_path: Path) -> None:
    c = load(
        tmp_path,
        "relations:\n  funds: {}\n  lies_in: {sign: neutral, layer: geo}\n  example_of: {reading: none}\n",
    )
    v = c.vocabulary
    assert [(r.name, r.sign, r.reading) for r in v.relations] == [
        ("funds", "positive", "tie"),
        ("lies_in", "neutral", "tie"),
        ("example_of", "positive", "none"),
    ]
    assert v.relation("lies_in").neutral and not v.relation("example_of").read
    assert not v.signed  # a neutral tie is not a hostile one
    text = linkchart.write_yaml(c, tmp_path / "copy.yaml").read_text(encoding="utf-8")
    assert "sign: neutral" in text and "reading: none" in text
    assert linkchart.load(tmp_path / "copy.yaml") == c


def test_a_relation_weight_outside_the_bounds_is_refused(tmp_path: Path) -> None:
    for weight in ("1e308", "1e-300"):
        with pytest.raises(LoadError, match=r"outside the weights read \(from 1e-12 to 1e\+12\)") as info:
            load(tmp_path, f"relations:\n  funds: {{weight: {weight}}}\n")
        assert info.value.problems[0].path == "relations.funds.weight"


def test_a_source_date_written_as_a_mapping_says_how_to_write_it(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(tmp_path, "sources: [{id: s, date: {year: 2005}}]\n")
    (p,) = info.value.problems
    assert (p.code, p.path) == ("wrong-type", "sources[0].date") and "date: 2005-03-01" in p.hint
