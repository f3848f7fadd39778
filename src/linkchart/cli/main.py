"""``linkchart``: read the command line, run one verb, and end with its exit status.

Exit status: 0 success; 1 the data — a file that is invalid or cannot be read or written,
or a name the file lacks (a node, node type, relation, layer, confidence level, period or
attribute), every problem on standard error; 2 usage — a command line that no file could
make right (a flag that does not exist, a value out of range or not among the choices, a
measure the registry lacks, an output whose extension names no format), checked before
any file is read; 130 interrupted (Ctrl-C).

With ``--json`` standard output carries exactly one JSON document whatever happens: the
verb's result, or ``{"ok": false, "errors": [...]}`` (each error with its code, message,
``loc``, and for a usage error the value and the choices); the text of an error still goes
to standard error.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

from ..analysis.registry import MEASURES, Registry
from ..errors import LinkchartError, LoadError
from ..executor import on_cluster
from . import commands
from .arguments import UsageError
from .output import Guarded, discard_output, error_document, print_json, print_problems
from .progress import Stages

__all__ = ["main"]


def _wants_json(argv: Sequence[str]) -> bool:
    """Whether ``--json`` is among the options (before a ``--`` that ends them)."""
    options = argv[: list(argv).index("--")] if "--" in argv else argv
    return "--json" in options


def _usage(err: UsageError, command: str | None, as_json: bool) -> int:
    if err.parser is not None:
        sys.stderr.write(err.text())
    else:
        print(f"linkchart {command}: error: {err}", file=sys.stderr)
    if as_json:
        print_json(error_document(err))
    return 2


def _failed(err: LinkchartError, as_json: bool) -> int:
    if isinstance(err, LoadError):
        print_problems(err, sys.stderr)
    else:
        print(f"linkchart: error: {err}", file=sys.stderr)
    if as_json:
        print_json(error_document(err))
    return 1


def main(argv: Sequence[str] | None = None, *, registry: Registry = MEASURES) -> int:
    """Run the ``linkchart`` command; return the exit status (see the module notes).

    ``registry`` is where ``--measures``, ``--size-by`` and ``--measure`` find their
    choices and every verb its measures (default :data:`linkchart.MEASURES`).
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    as_json = _wants_json(argv)
    for stream in (sys.stdout, sys.stderr):  # a terminal or pipe that cannot encode a name
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = commands.build_parser(registry).parse_args(argv)
    except SystemExit as exc:  # --help, --version
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:  # Ctrl-C while the parser's imports load
        return 130
    except UsageError as err:
        return _usage(err, None, as_json)
    real_out, real_err = sys.stdout, sys.stderr
    progress = Stages(args.command, real_err)
    # what is printed from the data never drives the terminal (the page itself is written as it is)
    sys.stdout = Guarded(real_out, escape=args.command != "render", before=progress.finish)
    sys.stderr = Guarded(real_err, progress=True, before=progress.clear)
    try:
        with on_cluster(getattr(args, "dask", None)):  # --dask ADDRESS: the verb's work on a cluster
            code: int = args.run(args, progress)
        sys.stdout.flush()
    except UsageError as err:
        return _usage(err, args.command, as_json)
    except LinkchartError as err:
        return _failed(err, as_json)
    except BrokenPipeError:
        # the reader went away (``linkchart info FILE | head``): stop quietly, as Unix tools do
        discard_output(real_out)
        return 0
    except KeyboardInterrupt:
        return 130  # interrupted (Ctrl-C), quietly, as shells expect
    except OSError as err:  # standard output on a full disk (> /dev/full), a closed terminal ...
        discard_output(real_out)
        print(f"linkchart: error: cannot write the output: {err.strerror or err}", file=real_err)
        return 1
    finally:
        progress.finish()
        sys.stdout, sys.stderr = real_out, real_err
    return code
