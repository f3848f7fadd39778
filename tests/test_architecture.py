"""The shape of the code, checked: module and function sizes, no import of the package root,
no switch of matplotlib's backend, no hand-written choices in the command line, no shim left.

The import layers themselves are checked by import-linter (``lint-imports``, in ``make
lint``; the contract is in ``pyproject.toml``). Today's offenders are listed in
:data:`ALLOWED` with the work package of issue 20 that removes them; an item that is fixed
must be taken off the list (a test says so), so the list only shrinks.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "linkchart"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 100  # lines of code: the docstring is not counted (docstrings that teach are wanted)
LONG_REASON = "# long:"  # a module or function may be longer with "# long: <why>" at its top
SHIM = "# shim"  # the one-line stand-in a move leaves where a module was, until its importers follow
WORK_PACKAGES = ("WP1", "WP2", "WP3", "WP4", "WP5")

ALLOWED: dict[str, str] = {}  # "kind:where" -> the work package that removes it (none left)


def _name(p: Path, root: Path) -> str:
    return p.relative_to(root).as_posix()


def _doc_lines(body: list[ast.stmt]) -> int:
    first = body[0] if body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
    ):
        return first.end_lineno - first.lineno + 1
    return 0


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    assert node.end_lineno is not None
    return node.end_lineno - node.lineno + 1 - _doc_lines(node.body)


def _has_reason(lines: list[str], start: int, end: int) -> bool:
    """Whether a ``# long:`` comment stands among ``lines[start:end]`` (0-based, end excluded)."""
    return any(line.strip().startswith(LONG_REASON) for line in lines[start:end])


def _top_end(body: list[ast.stmt]) -> int:
    """The 0-based line of the first statement after the docstring: a module's or function's
    "top", where ``# long:`` is looked for, ends there."""
    rest = body[1:] if _doc_lines(body) else body
    return rest[0].lineno - 1 if rest else 0


def _is_root_import(p: Path, node: ast.AST, root: Path) -> bool:
    if isinstance(node, ast.Import):
        return any(a.name == "linkchart" for a in node.names)
    if isinstance(node, ast.ImportFrom):
        depth = len(p.relative_to(root).parts) - 1  # how deep below linkchart/ the module is
        relative_root = node.level == depth + 1 and node.module is None
        return relative_root or (node.level == 0 and node.module == "linkchart")
    return False


def _call_offences(name: str, node: ast.Call) -> set[str]:
    found: set[str] = set()
    f = node.func
    if isinstance(f, ast.Attribute) and f.attr == "use" and ast.unparse(f.value) == "matplotlib":
        found.add(f"backend:{name}")
    literal = (ast.List, ast.Tuple, ast.Set)
    written = any(k.arg == "choices" and isinstance(k.value, literal) for k in node.keywords)
    if written and name.startswith("cli"):
        found.add(f"choices:{name}")
    return found


def _module_offences(p: Path, root: Path = SRC) -> set[str]:
    text = p.read_text(encoding="utf-8")
    lines = text.splitlines()
    name = _name(p, root)
    tree = ast.parse(text)
    found: set[str] = set()
    if len(lines) > MAX_MODULE_LINES and not _has_reason(lines, 0, _top_end(tree.body)):
        found.add(f"module:{name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            long = _code_lines(node) > MAX_FUNCTION_LINES
            if long and not _has_reason(lines, node.lineno - 1, _top_end(node.body)):
                found.add(f"function:{name}:{node.name}")
        elif _is_root_import(p, node, root) and p.name != "__main__.py":
            found.add(f"root-import:{name}")
        elif isinstance(node, ast.Call):
            found |= _call_offences(name, node)
    if any(line.lstrip().startswith(SHIM) or f"  {SHIM}" in line for line in lines):
        found.add(f"shim:{name}")
    return found


@functools.cache
def _offences() -> frozenset[str]:
    found: set[str] = set()
    for p in sorted(SRC.rglob("*.py")):
        found |= _module_offences(p)
    return frozenset(found)


def test_no_new_offence() -> None:
    new = sorted(_offences() - set(ALLOWED))
    assert not new, (
        "over a size limit or against a rule of the README's Project layout (split it, or write "
        f"'{LONG_REASON} <why>' at its top): " + ", ".join(new)
    )


def test_allowed_items_are_still_offences() -> None:
    fixed = sorted(set(ALLOWED) - _offences())
    assert not fixed, f"fixed: take them off ALLOWED: {fixed}"


def test_every_allowed_item_names_the_work_that_removes_it() -> None:
    assert set(ALLOWED.values()) <= set(WORK_PACKAGES)


# -- the checker itself, on planted code ------------------------------------------------------


def _plant(tmp_path: Path, relative: str, text: str) -> set[str]:
    p = tmp_path / relative
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return _module_offences(p, tmp_path)


def test_the_checker_finds_each_kind_of_offence(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    assert _plant(tmp_path, "a.py", f'def f():\n    """Doc."""\n{body}') == {"function:a.py:f"}
    assert _plant(tmp_path, "b.py", f'def f():\n    """Doc."""\n    # long: a table\n{body}') == set()
    assert _plant(tmp_path, "c.py", "x = 1\n" * (MAX_MODULE_LINES + 1)) == {"module:c.py"}
    assert _plant(tmp_path, "d.py", '"""Doc."""\n# long: generated\n' + "x = 1\n" * MAX_MODULE_LINES) == set()
    assert _plant(tmp_path, "render/e.py", "def f():\n    from .. import __version__\n") == {
        "root-import:render/e.py"
    }
    assert _plant(tmp_path, "render/f.py", "from .._version import __version__\n") == set()
    assert _plant(tmp_path, "g.py", "import linkchart\n") == {"root-import:g.py"}
    assert _plant(tmp_path, "h.py", "import matplotlib\nmatplotlib.use('Agg')\n") == {"backend:h.py"}
    assert _plant(tmp_path, "cli/i.py", "p.add_argument('--x', choices=['a', 'b'])\n") == {"choices:cli/i.py"}
    assert _plant(tmp_path, "cli/j.py", "p.add_argument('--x', choices=CHOICES)\n") == set()
    assert _plant(tmp_path, "k.py", "from .timegrammar import *  # shim: WP1\n") == {"shim:k.py"}
