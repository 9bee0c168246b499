"""Time every input-reading command on the full-size hostile inputs of issue 8 (never run by the tests).

    python scripts/hostile_inputs.py            # all commands
    python scripts/hostile_inputs.py split      # some commands

Writes the inputs to a temporary directory, runs ``python -m iwpr_extract COMMAND FILE`` on each with a
time limit, and prints one line per (command, input): exit code and seconds.  The test suite runs the
same shapes at a tenth of the size (tests/test_faults.py).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from iwpr_extract.cli import COMMANDS  # noqa: E402

LIMIT = 120  # seconds per run

INPUTS = {
    "one_line_10MB.txt": lambda: ("word " * 2_000_000)[:10_000_000],
    "by_lines_100k.txt": lambda: "".join(f"By Reporter Number{i} in Kabul\n" for i in range(100_000)),
    "asterisks_1M.txt": lambda: "*" * 1_000_000,
    "toc_1000.txt": lambda: "IN THIS ISSUE\n\n" + "UZBEK FARMERS COUNT COST OF COTTON DRIVE\n"
                            "Officials insist the quota is voluntary.\nBy Jane Doe\n\n" * 1000,
    "whitespace.txt": lambda: " \t\n\r\n  \u00a0\n" * 100_000,
    "capitals.txt": lambda: ("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG IN KABUL\n" * 20 + "\n") * 2000,
    "nested_quotes.txt": lambda: "".join("> " * d + "quoted text\n" for d in range(2000)) + "> " * 100_000 + "deep\n",
}


def main(argv: list[str]) -> None:
    commands = argv or [name for name, module in COMMANDS.items()
                        if name != "check" and find_spec(f"iwpr_extract.commands.{module}") is not None]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, make in INPUTS.items():
            path = Path(tmp) / name
            path.write_text(make(), encoding="utf-8")
            paths.append(path)
        for command in commands:
            for path in paths:
                started = time.monotonic()
                try:
                    result = subprocess.run([sys.executable, "-m", "iwpr_extract", command, str(path)],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                                            timeout=LIMIT)
                    code = str(result.returncode)
                except subprocess.TimeoutExpired:
                    code = "timeout"
                print(f"{command:10} {path.name:20} exit {code:8} {time.monotonic() - started:7.2f}s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
