"""The ``iwpr`` command line: a thin layer over the stage functions.

Commands live one per module in ``iwpr_extract/commands/`` and are imported only when invoked, so that
``iwpr split`` never pays for the imports of ``iwpr entities``.  Shared options are defined once here as
decorator bundles; ``run_stage`` is the one loop that reads inputs, applies a stage and writes records.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable

import click

from . import errors
from .errors import IwprError

# command name -> module under iwpr_extract.commands defining ``command``
COMMANDS = {
    "split": "split",
    "bylines": "bylines",
    "entities": "entities",
    "clean": "clean",
    "check": "check",
    "validate": "validate",
    "show": "show",
    "stats": "stats",
}

if TYPE_CHECKING:  # an alias built at run time would cost start-up time for annotations alone
    Stage = Callable[[dict[str, Any]], Iterable[dict[str, Any]]]


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from importlib.util import find_spec

        return sorted(name for name, module in COMMANDS.items()
                      if find_spec(f"iwpr_extract.commands.{module}") is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        name = f"iwpr_extract.commands.{module}"
        # imported straight away, not looked up among all commands first: every run pays for this
        try:
            return importlib.import_module(name).command
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            return None


_EXIT_CODES = """\b
Exit codes: 0 ok (also when a reader such as head closes the pipe), 1 differences
(check, validate), 2 usage, 3 bad input data, 4 unreadable input, 5 output not
written, 70 internal error, 130 interrupted. 'iwpr COMMAND --help' for each command."""


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EXIT_CODES)
@click.version_option("0.1.0", prog_name="iwpr")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn IWPR newsletters, scraped pages and e-mails into JSON Lines.

    Every command reads raw text or JSON Lines (FILES, or stdin when none or '-') and writes JSON Lines,
    so stages compose: iwpr clean x.txt | iwpr split | iwpr bylines | iwpr entities
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# --- shared option bundles -------------------------------------------------------------------------


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An unknown --encoding is a usage error (exit 2), said once, not once per input."""
    if value is not None:
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def _store_jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    # kept in ctx.meta so every command gets --jobs without a parameter of its own
    ctx.meta["iwpr.jobs"] = value
    return value


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """FILES plus the options every reading command shares."""
    for decorator in reversed(
        (
            click.argument("files", nargs=-1, type=click.Path(allow_dash=True, dir_okay=True)),
            click.option("--encoding", metavar="NAME", callback=_check_encoding,
                         help="Decode raw text inputs with NAME instead of UTF-8."),
            click.option("--strict", is_flag=True, help="Undecodable bytes are an error, not a warning."),
            click.option("--skip-bad", is_flag=True, help="Skip malformed JSON Lines with a warning."),
            click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
                         expose_value=False, callback=_store_jobs,
                         help="Worker processes for the stage commands (0: one per CPU); output stays in input order."),
        )
    ):
        func = decorator(func)
    return func


# --- reporting ---------------------------------------------------------------------------------------


class Reporter:
    """Writes one-line errors and warnings to stderr and remembers the worst exit code.

    Styled with rich on a terminal (unless NO_COLOR is set); plain text otherwise.
    """

    def __init__(self, command: str) -> None:
        self.command = command
        self.exit_code = errors.OK
        self._styled = sys.stderr.isatty() and not os.environ.get("NO_COLOR")

    def _emit(self, level: str, message: str) -> None:
        line = f"iwpr {self.command}: {level}: {message}"
        if self._styled:
            from rich.console import Console
            from rich.text import Text

            style = "bold red" if level == "error" else "yellow"
            terminal = Console(stderr=True, highlight=False)
            # rendered, then written through sys.stderr: while a progress bar is live, rich has replaced
            # sys.stderr with a proxy that prints above the bar
            with terminal.capture() as captured:
                terminal.print(Text(line, style=style), soft_wrap=True)
            sys.stderr.write(captured.get())
            sys.stderr.flush()
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def error(self, problem: IwprError | str, code: int | None = None) -> None:
        self._emit("error", str(problem))
        if code is None:
            code = problem.exit_code if isinstance(problem, IwprError) else errors.BAD_DATA
        self.exit_code = max(self.exit_code, code)

    def warn(self, problem: IwprError | str) -> None:
        self._emit("warning", str(problem))


# --- the stage loop ------------------------------------------------------------------------------------


def resolve_files(files: tuple[str, ...], reporter: Reporter) -> list[str]:
    """Inputs to read (directories and globs expanded); with none, stdin, unless stdin is a terminal
    (then a usage hint, exit 2)."""
    if files:
        if all(f == "-" or os.path.isfile(f) for f in files):
            return list(files)  # nothing to expand (the usual case): skip importing parallel
        from .parallel import expand_inputs

        return expand_inputs(files, warn=reporter.warn)
    if sys.stdin is None or sys.stdin.isatty():
        raise click.UsageError("no input: give FILE arguments, or pipe text or JSON Lines in ('-' reads stdin)")
    return ["-"]


class Output:
    """Whole JSON lines to stdout as raw UTF-8; lone surrogates (only possible inside JSON strings)
    are written as JSON escapes so every line stays valid."""

    def __init__(self) -> None:
        self._out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None

    @staticmethod
    def encode(lines: str) -> bytes:
        """Whole lines (each ending in a newline) as the bytes written."""
        return lines.encode("utf-8", "backslashreplace")

    def write_line(self, line: str) -> None:
        self.write_data(self.encode(line + "\n"))

    def write_data(self, data: bytes) -> None:
        """Write already encoded whole lines (from ``encode``); a Ctrl-C meanwhile waits until they are out."""
        _SIGINT.writing = True
        try:
            if self._out is None:  # click's CliRunner without a binary buffer
                sys.stdout.write(data.decode("utf-8"))
                return
            view = memoryview(data)
            while view:  # unbuffered stdout (python -u) may write part of it
                written = self._out.write(view)
                view = view[written if written is not None else 0:]
        finally:
            _SIGINT.writing = False
        if _SIGINT.pending:
            raise _Interrupted()

    def flush(self) -> None:
        (self._out or sys.stdout).flush()


def apply_stage(item: Any, stage: Stage, reporter: Any, debug: bool) -> list[dict[str, Any]] | None:
    """Run ``stage`` on one read item; a problem goes to ``reporter`` (with FILE:LINE) and gives None."""
    try:
        return list(stage(item.record))
    except IwprError as exc:
        if exc.source is None:
            exc.source, exc.line = item.source, item.line
        reporter.error(exc)
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: say where, keep going with the other records
        _traceback_if(debug)
        where = f"{item.source}:{item.line}" if item.line else item.source
        reporter.error(
            f"{where}: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            code=errors.INTERNAL,
        )
    return None


def run_stage(ctx: click.Context, command: str, files: tuple[str, ...], stage: Stage, **read_options: Any) -> int:
    """Read every input, apply ``stage`` to each record, write the results; return the exit code."""
    debug = bool((ctx.find_root().obj or {}).get("debug"))
    reporter = Reporter(command)
    output = Output()
    paths = resolve_files(files, reporter)
    jobs = ctx.meta.get("iwpr.jobs", 1)
    try:
        if jobs != 1 or sys.stderr.isatty():
            from . import parallel

            with parallel.progress_bar(parallel.input_size(paths)) as advance:
                parallel.run_units(parallel.iter_units(paths), stage, read_options, jobs=parallel.default_jobs(jobs),
                                   write=output.write_data, reporter=reporter, debug=debug, progress=advance)
        else:
            from .streams import read_inputs

            for item in read_inputs(paths, warn=reporter.warn, error=reporter.error, **read_options):
                results = apply_stage(item, stage, reporter, debug)
                if results is not None:
                    emit_results(item, results, reporter, output.write_data)
        output.flush()
    except BrokenPipeError:
        return _pipe_closed(reporter)
    return reporter.exit_code


def emit_results(item: Any, results: list[dict[str, Any]], reporter: Any, write: Callable[[bytes], None]) -> None:
    """Write one item's output records (each an encoded line, see ``records.dumps_line``); warnings the
    stage added are reported, naming the record."""
    from .records import dumps_line

    known = item.record.get("warnings") or []
    for record in results:
        for warning in record.get("warnings") or []:
            if warning not in known:
                reporter.warn(f"{record.get('id') or item.source}: {warning}")
        write(dumps_line(record))


def _pipe_closed(reporter: Reporter) -> int:
    """The reader closed the pipe (`| head`): stop quietly; not an error."""
    _quiet_stdout()
    return reporter.exit_code


def read_options(encoding: str | None, strict: bool, skip_bad: bool) -> dict[str, Any]:
    return {"encoding": encoding, "strict": strict, "skip_bad": skip_bad}


# --- entry point -----------------------------------------------------------------------------------------


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _stdout_identity() -> tuple[int, int] | None:
    try:
        st = os.fstat(sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return (st.st_dev, st.st_ino)


class _Interrupted(BaseException):
    """Ctrl-C, raised by our SIGINT handler: not a KeyboardInterrupt, which click would catch and answer
    with a blank line on stderr."""


class _SigintState:
    """A Ctrl-C during a write is held until the write ends, so output always ends with a whole line;
    a second Ctrl-C does not wait (a stalled reader must not make the tool unkillable)."""

    writing = False
    pending = False


_SIGINT = _SigintState()


def _on_sigint(signum: int, frame: Any) -> None:
    if _SIGINT.writing and not _SIGINT.pending:
        _SIGINT.pending = True
        return
    raise _Interrupted()


def _signal_module() -> Any:
    """The C module under ``signal``: the same ``signal()`` without building the ``signal`` module's
    enums, which take ~0.7 ms of every start-up."""
    try:
        import _signal

        return _signal
    except ImportError:  # pragma: no cover - an interpreter without it
        import signal

        return signal


def _command_name(argv: list[str]) -> str:
    """The subcommand named in ``argv``, for error lines raised before it runs ("iwpr split: error: ...")."""
    for arg in argv:
        if arg in COMMANDS:
            return f"iwpr {arg}"
        if not arg.startswith("-"):
            break
    return "iwpr"


def main(argv: list[str] | None = None) -> None:
    """Console entry point: exit codes as documented, no traceback unless --debug."""
    args = argv if argv is not None else sys.argv[1:]
    debug = "--debug" in args
    stdout_before = _stdout_identity()
    try:
        signals = _signal_module()
        signals.signal(signals.SIGINT, _on_sigint)
    except ValueError:  # not the main thread (an embedding program): leave its handling alone
        pass
    try:
        code = cli.main(args=argv, prog_name="iwpr", standalone_mode=False)
    except click.exceptions.Exit as exc:  # pragma: no cover - click returns these in non-standalone mode
        code = exc.exit_code
    except SystemExit:
        # click (after wrapping stdout) and rich (after pointing stdout at /dev/null) turn a closed pipe
        # into sys.exit(1); a reader that stops early (`| head`) is not an error.
        if type(sys.stdout).__name__ != "_PacifyFlushWrapper" and _stdout_identity() == stdout_before:
            raise
        _quiet_stdout()
        code = errors.OK
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (_Interrupted, click.exceptions.Abort, KeyboardInterrupt):
        code = _interrupted()
    except BrokenPipeError:
        _quiet_stdout()
        code = errors.OK
    except IwprError as exc:
        _traceback_if(debug)
        sys.stderr.write(f"{_command_name(args)}: error: {exc}\n")
        code = exc.exit_code
    except OSError as exc:
        _traceback_if(debug)
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        sys.stderr.write(f"{_command_name(args)}: error: {where}{exc.strerror or exc}\n")
        code = errors.IO_ERROR
    except Exception as exc:  # a bug: one line, and the traceback on request
        _traceback_if(debug)
        sys.stderr.write(f"{_command_name(args)}: error: internal error: {type(exc).__name__}: {exc} "
                         "(run with --debug for details)\n")
        code = errors.INTERNAL
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except _Interrupted:
        code = _interrupted()
    sys.exit(code or 0)


def console_main() -> None:
    """The ``iwpr`` program (console script and ``python -m iwpr_extract``): :func:`main`, then an exit
    that skips the interpreter's teardown once exit handlers have run and output is flushed.

    Tearing the interpreter down (freeing every module, compiled pattern and object one by one) takes about
    7 ms, a tenth of a one-article run, and every ``iwpr`` in a pipe pays it; the operating system frees the
    process's memory at once.  With a thread other than the main one still running, under a profiler or a
    tracer, or on an interpreter without ``atexit._run_exitfuncs``, the ordinary exit is taken instead.
    """
    try:
        main()
        code: Any = errors.OK
    except SystemExit as exc:
        code = exc.code
    _exit_now(code)


def _exit_now(code: Any) -> None:
    """Exit with ``code`` as ``sys.exit`` would, without the interpreter's teardown where that is safe."""
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    main_thread = threading.main_thread()
    # a profiler or tracer (python -m cProfile, coverage, a debugger) writes its results after the program
    # returns; a thread still running is waited for
    if run_exit_handlers is None or sys.getprofile() is not None or sys.gettrace() is not None or any(
            t is not main_thread and t.is_alive() and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    if code is None:
        status = errors.OK
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        if sys.stderr is not None:
            sys.stderr.write(f"{code}\n")
        status = 1
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or file: nothing more can be written anyway
            pass
    os._exit(status & 0xFF)


def _traceback_if(debug: bool) -> None:
    if debug:
        import traceback  # here, not at the top: it costs 2.5 ms of every start-up

        traceback.print_exc()


def _interrupted() -> int:
    """Ctrl-C: whole lines already written stay written; no message (a terminal has shown ^C)."""
    signals = _signal_module()
    signals.signal(signals.SIGINT, signals.SIG_IGN)  # a second Ctrl-C must not interrupt the final flush
    if sys.stderr is not None and sys.stderr.isatty():
        sys.stderr.write("\n")
    return errors.INTERRUPTED
