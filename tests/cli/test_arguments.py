"""The command line's arguments, generated from the declarations: every flag of today's
command line is still there with the same default, each verb's choices come from the
declarations and the registry, and every value is checked before anything runs."""

from __future__ import annotations

import argparse
from typing import Any, get_args

import pytest

from linkchart import MEASURES
from linkchart.analysis.over_time import EVERY
from linkchart.analysis.spec import AnalysisSpec
from linkchart.cli import main
from linkchart.cli.arguments import Names, Parser, UsageError, add_options, values
from linkchart.cli.commands import build_parser
from linkchart.cli.specs import Every

G = "graphs/central_asia.yaml"

TODAY: dict[str, dict[str, Any]] = {  # linkchart de4efb0: every flag of every verb and its default
    "validate": {
        "--allow-outside": False,
        "--json": False,
    },
    "info": {
        "--allow-outside": False,
    },
    "analyze": {
        "--allow-outside": False,
        "--json": False,
        "--markdown": False,
        "--csv": None,
        "--top": 10,
        "--relations": None,
        "--measures": None,
        "--engine": "igraph",
        "--partition": "type",
        "--undirected": False,
        "--layers": None,
        "--signs": None,
        "--firm": "reported",
        "--exact": False,
        "--undated": "source",
        "--min-dated": 0.5,
        "--ego": None,
        "--radius": 1,
    },
    "export": {
        "--allow-outside": False,
        "--output": None,
        "--format": None,
    },
    "convert": {
        "--allow-outside": False,
        "--output": None,
        "--format": None,
        "--columns": None,
        "--nodes": None,
        "--node-columns": None,
    },
    "matrix": {  # issue 24: matrix files on the command line (after de4efb0)
        "--sheet": None,
        "--relation": None,
        "--rows": "person",
        "--columns": None,
        "--directed": None,
        "--no-directed": None,
        "--class": None,
        "--confidence": None,
        "--title": None,
        "--output": None,
        "--format": None,
        "--json": False,
    },
    "path": {
        "--allow-outside": False,
        "--k": 3,
        "--by": "confidence",
        "--directed": False,
        "--json": False,
        "--layers": None,
        "--signs": None,
    },
    "disrupt": {
        "--allow-outside": False,
        "--output": None,
        "--strategies": ["betweenness", "degree", "random"],
        "--steps": 10,
        "--runs": 50,
        "--seed": 0,
        "--initial": False,
        "--layers": None,
        "--signs": None,
    },
    "timeline": {
        "--allow-outside": False,
        "--measure": "betweenness",
        "--every": "year",
        "--periods": None,
        "--top": 5,
        "--normalized": False,
        "--dated-only": False,
        "--undated": "source",
        "--min-dated": 0.5,
        "--output": None,
        "--json": False,
        "--layers": None,
        "--signs": None,
        "--ego": None,
        "--radius": 1,
    },
    "one-mode": {
        "--allow-outside": False,
        "--onto": None,
        "--via": None,
        "--weighting": "shared",
        "--min-weight": None,
        "--relations": None,
        "--any-time": False,
        "--output": None,
        "--format": None,
        "--top": 20,
        "--json": False,
        "--layers": None,
        "--signs": None,
    },
    "two-mode": {
        "--allow-outside": False,
        "--measure": "betweenness",
        "--first": None,
        "--second": None,
        "--relations": None,
        "--raw": False,
        "--engine": "igraph",
        "--top": 10,
        "--json": False,
        "--layers": None,
        "--signs": None,
    },
    "robust": {
        "--allow-outside": False,
        "--measure": "betweenness",
        "--draws": 1000,
        "--seed": 0,
        "--model": "confidence",
        "--drop": 0.1,
        "--unit": "edge",
        "--top": 5,
        "--workers": None,
        "--json": False,
        "--layers": None,
        "--signs": None,
        "--ego": None,
        "--radius": 1,
    },
    "render": {
        "--allow-outside": False,
        "--output": None,
        "--open": False,
        "--diff": None,
        "--size-by": "betweenness",
        "--color-by": "type",
        "--measures": None,
        "--highlight": None,
        "--top-brokers": 5,
        "--layout": "auto",
        "--seed": 0,
        "--edge-labels": None,
        "--no-edge-labels": None,
        "--context": "recessive",
        "--physics": False,
        "--title": None,
        "--types": None,
        "--relations": None,
        "--min-confidence": None,
        "--as-of": None,
        "--exact": False,
        "--summary": None,
        "--full": False,
        "--no-timeline": False,
        "--over-time": False,
        "--undated": "source",
        "--min-dated": 0.5,
        "--layers": None,
        "--signs": None,
        "--ego": None,
        "--radius": 1,
    },
    "dedupe": {
        "--allow-outside": False,
        "--top": None,
        "--min-score": 0.7,
        "--types": "any",
        "--json": False,
    },
    "merge": {
        "--output": None,
        "--format": None,
        "--decisions": None,
        "--matches": None,
        "--same-source": None,
        "--allow-outside": False,
        "--json": False,
    },
    "conflicts": {"--allow-outside": False, "--decisions": None, "--json": False},
    "diff": {"--allow-outside": False, "--top": 10, "--measures": None, "--output": None, "--json": False},
}
POSITIONALS = {
    "validate": ["FILE"],
    "info": ["FILE"],
    "analyze": ["FILE"],
    "export": ["FILE"],
    "convert": ["FILE"],
    "matrix": ["PATH"],
    "path": ["FILE", "A", "B"],
    "disrupt": ["FILE"],
    "timeline": ["FILE"],
    "one-mode": ["FILE"],
    "two-mode": ["FILE"],
    "robust": ["FILE"],
    "render": ["FILE"],
    "dedupe": ["FILE"],
    "merge": ["A", "B"],
    "conflicts": ["FILE"],
    "diff": ["A", "B"],
}

SAMPLES = {  # a value each flag accepts (besides its default)
    "--context": "hidden",
    "--csv": "DIR",
    "--top": "3",
    "--relations": "r",
    "--measures": "degree",
    "--engine": "networkx",
    "--partition": "country",
    "--layers": "all",
    "--signs": "all",
    "--firm": "none",
    "--undated": "never",
    "--min-dated": "0",
    "--ego": "IMT",
    "--radius": "2",
    "--output": "x.html",
    "--format": "json",
    "--columns": "from=a",
    "--nodes": "n.csv",
    "--node-columns": "id=a",
    "--k": "2",
    "--by": "hops",
    "--strategies": "key_players",
    "--steps": "2",
    "--runs": "3",
    "--seed": "7",
    "--measure": "degree",
    "--every": "4",
    "--periods": "1999",
    "--onto": "person",
    "--via": "meeting",
    "--weighting": "newman",
    "--min-weight": "0.5",
    "--first": "person",
    "--second": "event",
    "--draws": "9",
    "--model": "missing",
    "--drop": "0.5",
    "--unit": "node",
    "--workers": "2",
    "--size-by": "none",
    "--color-by": "community",
    "--highlight": "all",
    "--top-brokers": "0",
    "--layout": "kk",
    "--title": "T",
    "--types": "state",
    "--min-confidence": "reported",
    "--as-of": "1999",
    "--summary": "10",
    "--min-score": "0.5",
    "dedupe --types": "same",
    "--decisions": "d.yaml",
    "--matches": "b=a",
    "--same-source": "b=a",
    "analyze --measures": "bridges",
    "matrix --rows": "event",
}
REQUIRED = {
    "export": ["-o", "x.yaml"],
    "convert": ["-o", "x.yaml"],
    "matrix": ["-o", "x.yaml"],
    "path": ["A", "B"],
    "one-mode": ["--onto", "a", "--via", "b"],
    "two-mode": ["--first", "a"],
    "merge": ["y.yaml", "-o", "x.yaml"],
    "diff": ["y.yaml"],
}


def _verbs(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def _action(sub: argparse.ArgumentParser, flag: str) -> argparse.Action:
    (found,) = [a for a in sub._actions if flag in a.option_strings]
    return found


def _meaning(value: Any, switch: bool) -> Any:
    """A default as what it means: a list as a tuple, no values as ``None``, an unset switch as ``None``."""
    if isinstance(value, list):
        value = tuple(value)
    if value == () or (switch and value is False):
        return None
    return value


VERBS = _verbs(build_parser(MEASURES))


def test_every_verb_of_today_is_there_and_nothing_else() -> None:
    assert list(VERBS) == list(TODAY)


@pytest.mark.parametrize("verb", list(TODAY))
def test_every_flag_of_today_keeps_its_name_and_default_and_takes_a_value(verb: str) -> None:
    sub = VERBS[verb]
    assert [a.metavar for a in sub._actions if not a.option_strings] == POSITIONALS[verb]
    for flag, default in TODAY[verb].items():
        action = _action(sub, flag)
        switch = action.nargs == 0
        assert _meaning(action.default, switch) == _meaning(default, switch), (verb, flag)
        args = ["x.yaml", *REQUIRED.get(verb, [])]
        sample = SAMPLES.get(f"{verb} {flag}", SAMPLES.get(flag, str(default)))
        given = [flag] if switch else [flag, sample]
        if action.required:
            continue  # given in REQUIRED
        parsed = sub.parse_args([*args, *given])
        assert getattr(parsed, action.dest) != action.default or switch, (verb, flag)


@pytest.mark.parametrize("verb", list(TODAY))
def test_no_flag_is_defined_twice_and_every_verb_has_json(verb: str) -> None:
    flags = [f for a in VERBS[verb]._actions for f in a.option_strings]
    assert len(flags) == len(set(flags))
    assert "--json" in flags


def test_the_flags_added_since() -> None:
    """Generated from the declarations, the command line gained these (and lost none)."""
    added = {
        verb: sorted(
            {f for a in sub._actions for f in a.option_strings if f.startswith("--")}
            - set(TODAY[verb])
            - {"--help"}
        )
        for verb, sub in VERBS.items()
    }
    assert {v: a for v, a in added.items() if a} == {
        "info": ["--json"],
        "analyze": ["--dask", "--no-exact"],
        "export": ["--embed-sources", "--json", "--no-embed-sources"],  # issue 22: ExportOptions
        "convert": ["--embed-sources", "--json", "--no-embed-sources", "--undirected-relations"],
        "disrupt": ["--dask", "--json"],
        "render": ["--dask", "--dpi", "--json", "--label-top", "--no-exact", "--paper", "--preset"],
        "robust": ["--dask"],
        "timeline": ["--dask"],
        "dedupe": ["--decisions"],  # issue 23: the pairs a decisions file settles left out
        "merge": ["--embed-sources", "--no-embed-sources"],  # the texts of charts from other folders
    }


def test_choices_come_from_the_declarations() -> None:
    assert _action(VERBS["render"], "--layout").metavar == "{auto,community,fr,kk,drl,circle}"
    assert _action(VERBS["export"], "--format").metavar == "{graphml,gexf,json,xlsx,stix,ftm,yaml,csv,gephi}"
    assert get_args(Every) == EVERY  # timeline --every: the words over_time reads


def test_values_read_the_words_none_and_all() -> None:
    args = build_parser(MEASURES).parse_args(
        ["render", G, "--size-by", "none", "--highlight", "all", "--layers", "all"]
    )
    from linkchart.render.spec import PageSpec

    page = values(args, PageSpec, ["size_by", "highlight", "layers"])
    assert page == {
        "size_by": None,
        "highlight": ("bridges", "articulation_points", "brokers"),
        "layers": "all",
    }
    args = build_parser(MEASURES).parse_args(["analyze", G, "--firm", "none", "--layers", "a", "b"])
    assert values(args, AnalysisSpec, ["firm", "layers", "directed"]) == {
        "firm": None,
        "layers": ["a", "b"],
        "directed": None,
    }


def test_a_list_option_given_twice_keeps_every_value_never_only_the_last() -> None:
    parse = build_parser(MEASURES).parse_args
    args = parse(["merge", G, G, "-o", "m.yaml", "--matches", "a=b", "--matches", "c=d", "e=f"])
    assert args.matches == ["a=b", "c=d", "e=f"]
    assert parse(["analyze", G, "--layers", "a", "--layers", "b"]).layers == ["a", "b"]
    assert parse(["analyze", G]).layers is None  # the default, untouched


def test_help_is_generated_with_the_default_and_the_registry_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["robust", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "random versions (default 1000)" in out
    assert "a per-node measure (default betweenness); one of: degree, strength, betweenness," in out
    assert "with --model missing: what is dropped (default: edge)" in out
    assert "90% interval" in out  # a description is not %-formatted


def test_a_declaration_that_the_command_line_does_not_offer_is_refused() -> None:
    parser = Parser(prog="x")
    with pytest.raises(TypeError, match="offers no command-line option 'registry'"):
        add_options(parser, AnalysisSpec, Names(MEASURES), ["registry"])
    with pytest.raises(TypeError, match="'nope'"):
        add_options(parser, AnalysisSpec, Names(MEASURES), ["nope"])


def test_the_parser_raises_instead_of_exiting() -> None:
    parser = build_parser(MEASURES)
    with pytest.raises(UsageError) as info:
        parser.parse_args(["render", G, "--layout", "spring"])
    err = info.value
    assert (err.loc, err.input, err.ctx) == (
        ("--layout",),
        "spring",
        {"choices": ["auto", "community", "fr", "kk", "drl", "circle"]},
    )
    assert err.text().startswith("usage: linkchart render [-h]")
    assert err.text().endswith(
        "linkchart render: error: argument --layout: invalid choice: 'spring' "
        "(choose from 'auto', 'community', 'fr', 'kk', 'drl', 'circle')\n"
    )
    assert err.to_dict()["code"] == "bad-argument"


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["robust", G, "--seed", "-1"], "--seed"),
        (["render", G, "--seed", "-1"], "--seed"),
        (["disrupt", G, "--seed", "4294967296"], "--seed"),
        (["timeline", G, "--every", "99999999"], "--every"),
        (["analyze", G, "--top", "0"], "--top"),
        (["timeline", G, "--top", "-2"], "--top"),
        (["robust", G, "--top", "x"], "--top"),
        (["robust", G, "--draws", "0"], "--draws"),
        (["robust", G, "--draws", "10000001"], "--draws"),
        (["robust", G, "--workers", "0"], "--workers"),
        (["robust", G, "--workers", "9" * 39], "--workers"),
        (["robust", G, "--drop", "1.5"], "--drop"),
        (["disrupt", G, "--steps", "0"], "--steps"),
        (["disrupt", G, "--runs", "0"], "--runs"),
        (["path", G, "A", "B", "--k", "0"], "--k"),
        (["path", G, "A", "B", "--k", "9" * 39], "--k"),
        (["render", G, "--ego", "IMT", "--radius", "-1"], "--radius"),
        (["analyze", G, "--ego", "IMT", "--radius", "x"], "--radius"),
        (["render", G, "--summary", "0"], "--summary"),
        (["render", G, "--top-brokers", "-1"], "--top-brokers"),
        (["render", G, "--min-dated", "1.5"], "--min-dated"),
        (["one-mode", G, "--onto", "a", "--via", "b", "--min-weight", "0"], "--min-weight"),
        (["dedupe", G, "--min-score", "2"], "--min-score"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(
    argv: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"argument {option}: must be" in err, err
    assert "Traceback" not in err


def test_every_numeric_option_has_a_checked_type() -> None:
    unchecked = [
        f"{name} {action.option_strings[0]}"
        for name, sub in VERBS.items()
        for action in sub._actions
        if action.type in (int, float) or (action.type is None and type(action.default) in (int, float))
    ]
    assert unchecked == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", G, "--every", "0"], "argument --every: must be a whole number from 1 to 10000, not 0"),
        (
            ["timeline", G, "--every", "decade"],
            "argument --every: choose year, month, periods or a number, not 'decade'",
        ),
        (
            ["render", G, "--min-dated", "nan"],
            "argument --min-dated: must be a number from 0 to 1, not 'nan'",
        ),
        (
            ["robust", G, "--drop", "1"],
            "argument --drop: must be a number from 0 up to (not including) 1, not '1'",
        ),
        (
            ["one-mode", G, "--onto", "a", "--via", "b", "--min-weight", "-0"],
            "must be a positive number, not '-0'",
        ),
        (
            ["robust", G, "--seed", "9" * 50],
            f"must be a whole number from 0 to 4294967295, not '{'9' * 40}...'",
        ),
        (
            ["render", G, "--layout", "Kk"],
            "argument --layout: invalid choice: 'Kk' (choose from 'auto', 'community',",
        ),
        (
            ["render", G, "--highlight", "bridge"],
            "invalid choice: 'bridge' (choose from 'bridges', 'articulation_points', 'brokers', 'all')",
        ),
        (
            ["render", G, "--size-by", "pagrank"],
            "argument --size-by: unknown measure 'pagrank' — did you mean 'pagerank'?",
        ),
    ],
)
def test_each_value_is_read_by_its_declared_type(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_values_within_the_declared_bounds_are_read() -> None:
    parser = build_parser(MEASURES)
    assert parser.parse_args(["timeline", G, "--every", "12"]).every == 12
    assert parser.parse_args(["timeline", G, "--every", "month"]).every == "month"
    assert parser.parse_args(["robust", G, "--drop", "0"]).drop == 0.0
    assert (
        parser.parse_args(["one-mode", G, "--onto", "a", "--via", "b", "--min-weight", "1e-9"]).min_weight
        == 1e-9
    )
    assert parser.parse_args(["render", G, "--min-dated", "1"]).min_dated == 1.0
