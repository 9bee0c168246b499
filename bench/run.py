#!/usr/bin/env python3
"""Benchmark iwpr-extract: throughput per stage and for the whole pipe, startup, memory on a 1 GB stream.

Run by hand (never by pytest), from a fresh clone:

    python3 -m venv .venv && . .venv/bin/activate && pip install -q -e . && python bench/run.py
    python bench/run.py --size 5 --stream-gb 0.1 --profile split   # quick look, with a full profile

Every child process runs this clone's code (``PYTHONPATH`` and the working directory are the clone),
whatever else is installed.  The default run ends with a short profile of the stage furthest below its
target by CPU time (or, with every target met, closest to it).

The corpus is generated (seeded) from the fixtures' formats into bench/corpus/ (not committed): IWPR e-mail
editions with a table of contents, promo blocks and end notes, scraped article pages, double-spaced and
CRLF variants, several editions in one file; names, headlines and bodies vary.  Stages whose command is
not on this branch yet are reported and skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "split"
CORPUS = ROOT / "bench" / "corpus"
OUT = ROOT / "bench" / "out"
IWPR = [sys.executable, "-m", "iwpr_extract"]
# the clone's package first, whatever is installed; the same environment for every command timed
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
TARGETS = {"split": 20.0, "bylines": 20.0, "clean": 10.0, "entities": 5.0}

FIRST = ("Ainagul Asyl Gulzat Zamir Dilya Yulia Andrei Timur Nargiza Bakyt Aziz Farida Ruslan Leila Dmitry "
         "Saule Erlan Madina Jamshid Zarina Nodir Gulnara Rustam Aida Oybek Kanat Aigerim Bahodir Malika Ilya "
         "Shirin Davron Ahmad Zahra Hamid Farzana Giorgi Nino Arman Lusine Vugar Sevinj Olga Marko Jelena").split()
LAST = ("Abdrakhmanova Osmonalieva Abdurasulova Karajanov Usmanova Kuznetsova Grishin Tursunov Akhmedova "
        "Sadykov Nurmatov Ismailova Kasymov Beisenova Rahimov Yusupova Kurbanova Tokhtakhunov Alimov Ergasheva "
        "Mirzaev Saidova Karimi Ahmadzai Popalzai Beridze Kapanadze Grigoryan Hakobyan Aliyev Mammadova "
        "Petrovic Jovanovic Sultanov Omurbekova Dzhumabaev").split()
CITIES = ("Bishkek Osh Almaty Astana Tashkent Samarkand Dushanbe Khujand Ashgabat Kabul Herat Mazar-e-Sharif "
          "Tbilisi Batumi Yerevan Gyumri Baku Ganja Sarajevo Belgrade Pristina").split()
COUNTRIES = "Kyrgyzstan Kazakstan Uzbekistan Tajikistan Turkmenistan Afghanistan Georgia Armenia Azerbaijan".split()
NEWSLETTERS = [("REPORTING CENTRAL ASIA", "RCA"), ("CAUCASUS REPORTING SERVICE", "CRS"),
               ("AFGHAN RECOVERY REPORT", "ARR"), ("BALKAN INSIGHT", "BI")]
TOPICS = ("coalition talks|child labour|water shortages|border tensions|press freedom|migrant workers|"
          "election fraud|cotton harvest|refugee rights|energy crisis|corruption trial|school closures|"
          "land disputes|health reforms|prison conditions|opium crops|mining protests|bride kidnapping").split("|")
VERBS = "struggle|stall|spark anger|raise fears|draw criticism|prompt protests|falter|divide opinion".split("|")
ROLES = ("an IWPR-trained journalist in {city}", "an IWPR contributor in {city}",
         "a freelance reporter in {city}", "the pseudonym of an IWPR contributor in {country}")


def _sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+(?=[“\"A-Z])", flat) if 40 <= len(s.strip()) <= 400]


class Generator:
    """Newsletter text in the fixtures' formats, varied by a seeded RNG."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        edition = (FIXTURES / "rca_email_edition.txt").read_text("utf-8")
        page = (FIXTURES / "rca_article_page.txt").read_text("utf-8")
        lines = edition.splitlines()
        self.promo = "\n".join(lines[14:38]) + "\n"  # "**** NEW" ... the second rule
        self.funding = edition[edition.index("This article was produced jointly"):edition.index("\n\n\n", edition.index("The contents of this article"))]
        self.footer = edition[edition.index("**** http://iwpr.net/ ****", edition.index("IWPR - Europe") - 800):]
        self.page_chrome = page[page.index("More IWPR's Global Voices"):]
        body_text = edition[edition.index("As the final results"):edition.index("IWPR - Europe")] + page
        self.pool = [s for s in _sentences(body_text) if "IWPR" not in s and "http" not in s]

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def byline_names(self) -> str:
        names = [self.name() for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3)))]
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + self.rng.choice((" and ", ", ")) + names[-1]

    def article(self) -> dict[str, object]:
        rng = self.rng
        topic = rng.choice(TOPICS)
        country = rng.choice(COUNTRIES)
        headline = f"{country} {topic} {rng.choice(VERBS)}".title()
        standfirst = rng.choice(("Fears grow that", "Officials insist", "Critics say", "Residents complain")) + \
            f" {topic} in {rng.choice(CITIES)} will get worse before it gets better."
        paragraphs = []
        for _ in range(rng.randint(6, 22)):
            sentences = rng.sample(self.pool, rng.randint(1, 4))
            if rng.random() < 0.3:
                sentences.append(f"“We have no choice,” said {self.name()}, a resident of {rng.choice(CITIES)}.")
            paragraphs.append(" ".join(sentences))
        byline = self.byline_names()
        notes = [f"{n.strip()} is " + rng.choice(ROLES).format(city=rng.choice(CITIES), country=country) + "."
                 for n in re.split(r",| and ", byline)]
        return {"headline": headline, "standfirst": standfirst, "byline": byline, "body": paragraphs,
                "notes": notes}

    @staticmethod
    def wrap(paragraph: str, width: int) -> str:
        return "\n".join(line + " " for line in textwrap.wrap(paragraph, width)) if width else paragraph

    def email_edition(self) -> str:
        rng = self.rng
        title, abbr = rng.choice(NEWSLETTERS)
        issue = rng.randint(100, 700)
        day, month, year = rng.randint(1, 28), rng.choice(("January", "March", "June", "October")), rng.randint(2003, 2012)
        articles = [self.article() for _ in range(rng.randint(2, 6))]
        width = rng.choice((78, 79, 80))
        parts = []
        if rng.random() < 0.5:
            parts.append(f"From: IWPR <{abbr.lower()}@iwpr.net>\nSubject: {title.title()} No. {issue}\n"
                         f"Date: {day} {month[:3]} {year} 10:{rng.randint(10, 59)}:00 +0000\n\n")
        parts.append(f"INSTITUTE FOR WAR & PEACE REPORTING\n\n{title}, No. {issue}, {month} {day}, {year}\n\n\n")
        for a in articles:
            parts.append(self.wrap(f"{str(a['headline']).upper()}  {a['standfirst']}  By {a['byline']}", width) + "\n\n\n")
        parts.append(self.promo + "\n\n")
        for a in articles:
            parts.append(f"{a['standfirst']}\n\nBy {a['byline']}\n\n")
            parts.append("\n\n".join(self.wrap(p, width) for p in a["body"]) + "\n\n")  # type: ignore[union-attr]
            parts.append("\n".join(a["notes"]) + "\n\n")  # type: ignore[arg-type]
            if rng.random() < 0.7:
                parts.append(self.funding + "\n\n\n")
        parts.append(self.footer)
        return "".join(parts)

    def page(self) -> str:
        rng = self.rng
        a = self.article()
        issue, day = rng.randint(100, 700), f"{rng.randint(1, 28):02d}-{rng.choice(('Jan', 'Jul', 'Nov'))}-0{rng.randint(3, 9)}"
        width = rng.choice((68, 70, 72))
        text = (f"Institute for War and Peace Reporting | Giving Voice, Driving Change\n\n{a['headline']}\n\n"
                f"{a['standfirst']}\n\nBy {a['byline']} in {rng.choice(CITIES)} (RCA No. {issue}, {day})\n\n")
        text += "\n\n".join(self.wrap(p, width) for p in a["body"]) + "\n\n"  # type: ignore[union-attr]
        text += "\n".join(a["notes"]) + "\n\n" + self.page_chrome  # type: ignore[arg-type]
        return text

    def document(self) -> tuple[str, str]:
        """One input file: (suffix, text) in a randomly chosen format variant."""
        rng = self.rng
        kind = rng.choices(("email", "page", "multi"), weights=(5, 3, 2))[0]
        if kind == "multi":
            text = "\n\n".join(self.email_edition() for _ in range(rng.randint(2, 4)))
        else:
            text = self.email_edition() if kind == "email" else self.page()
        if rng.random() < 0.15:  # double-spaced, as some scrapes are
            text = "\n\n".join(text.split("\n"))
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        return (".eml" if kind == "email" and rng.random() < 0.3 else ".txt"), text


def generate(size_mb: float, seed: int) -> tuple[list[Path], int]:
    marker = CORPUS / f".made-{size_mb:g}-{seed}"
    if marker.exists():
        files = sorted(p for p in CORPUS.iterdir() if not p.name.startswith("."))
        return files, sum(p.stat().st_size for p in files)
    shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir(parents=True)
    gen = Generator(seed)
    total, files = 0, []
    while total < size_mb * 1e6:
        suffix, text = gen.document()
        path = CORPUS / f"doc{len(files):05d}{suffix}"
        path.write_bytes(text.encode("utf-8"))
        total += path.stat().st_size
        files.append(path)
    marker.touch()
    return files, total


# --- running and measuring -------------------------------------------------------------------------
#
# Linux keeps a process's peak RSS across exec, so a child started straight from this (large) process
# would report this process's peak.  Each measured command is therefore started by a small launcher
# (this script with --rusage-to), whose own children start clean; it records their wall time, CPU and peak
# RSS (including --jobs workers) in a JSON file.


def launcher() -> None:
    result, argv = sys.argv[2], sys.argv[4:]
    start = time.perf_counter()
    proc = subprocess.Popen(argv)
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w") as f:
        json.dump({"wall": time.perf_counter() - start, "rss": usage.ru_maxrss / 1024,
                   "cpu": usage.ru_utime + usage.ru_stime, "code": code}, f)
    sys.exit(code)


def launched(argv: list[str], tag: str) -> tuple[list[str], Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    result = OUT / f"rusage-{tag}.json"
    return [sys.executable, str(Path(__file__).resolve()), "--rusage-to", str(result), "--", *argv], result


def available_commands() -> set[str]:
    from importlib.util import find_spec

    from iwpr_extract.cli import COMMANDS

    return {name for name, module in COMMANDS.items() if find_spec(f"iwpr_extract.commands.{module}")}


def run_measured(argv: list[str], stdin_path: Path | None, stdout_path: Path | None) -> dict[str, float]:
    """Run one command; wall time, peak RSS (MB) of it and its children, output lines."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    cmd, result = launched(argv, "stage")
    proc = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, env=CHILD_ENV)
    for f in (stdin, stdout):
        if hasattr(f, "close"):
            f.close()
    if proc.returncode not in (0, 3):
        sys.exit(f"{' '.join(argv[:6])} ... failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    m = json.loads(result.read_text())
    m["lines"] = sum(1 for _ in open(stdout_path, "rb")) if stdout_path else 0
    return m


def report(label: str, nbytes: int, m: dict[str, float], target: float | None = None) -> float:
    """Print one stage's figures; return its rate in MB per CPU second (steadier than wall time)."""
    mbs = nbytes / 1e6 / m["wall"]
    verdict = "" if target is None else (f"  target {target:g}: " + ("met" if mbs >= target else "NOT met"))
    print(f"{label:<24} {nbytes / 1e6:7.1f} MB {m['wall']:7.2f} s {mbs:7.1f} MB/s {nbytes / 1e6 / m['cpu']:7.1f} MB/s "
          f"{m['lines'] / m['wall']:7.0f} rec/s {m['rss']:6.1f} MB{verdict}", flush=True)
    return nbytes / 1e6 / m["cpu"]


def bench_stages(files: list[Path], corpus_bytes: int, have: set[str], jobs: int) -> dict[str, tuple[float, Path]]:
    """Time each stage in its own process; return {stage: (MB per CPU second, the input it read)}."""
    OUT.mkdir(parents=True, exist_ok=True)
    rates: dict[str, tuple[float, Path]] = {}
    print(f"\n== stages, one process each (input {corpus_bytes / 1e6:.1f} MB, {len(files)} files) ==")
    print(f"{'stage':<24} {'input':>10} {'wall':>9} {'rate (wall)':>12} {'rate (CPU)':>12} {'records':>13} "
          f"{'peak RSS':>9}")
    split_out = OUT / "split.jsonl"
    if "split" not in have:
        print("split: command not on this branch yet; skipped (and so are the stages reading its output)")
        return rates
    m = run_measured([*IWPR, "split", str(CORPUS)], None, split_out)
    rates["split"] = (report("split", corpus_bytes, m, TARGETS["split"]), CORPUS)
    if jobs > 1:
        mj = run_measured([*IWPR, "split", "--jobs", str(jobs), str(CORPUS)], None, OUT / "split-jobs.jsonl")
        same = (OUT / "split-jobs.jsonl").read_bytes() == split_out.read_bytes()
        report(f"split --jobs {jobs}", corpus_bytes, mj)
        print(f"{'':<24} output identical to --jobs 1: {same}")
    previous = split_out
    for stage in ("bylines", "entities"):
        if stage not in have:
            print(f"{stage}: command not on this branch yet; skipped")
            continue
        out = OUT / f"{stage}.jsonl"
        size = previous.stat().st_size
        rates[stage] = (report(f"{stage} (JSON Lines in)", size, run_measured([*IWPR, stage], previous, out),
                               TARGETS[stage]), previous)
        previous = out
    if "clean" in have:
        m = run_measured([*IWPR, "clean", str(CORPUS)], None, OUT / "clean.jsonl")
        rates["clean"] = (report("clean (raw text in)", corpus_bytes, m, TARGETS["clean"]), CORPUS)
    else:
        print("clean: command not on this branch yet; skipped")
    print("(rate (CPU): input size over the user + system time of the command and its workers; on a busy machine "
          "steadier than wall time)")
    pipe = [s for s in ("clean", "split", "bylines", "entities") if s in have]
    bench_pipe(pipe, corpus_bytes)
    return rates


def bench_pipe(stages: list[str], corpus_bytes: int) -> None:
    """The whole pipe, each stage its own process: wall time and every process's peak RSS."""
    print(f"\n== whole pipe: {' | '.join('iwpr ' + s for s in stages)} ==")
    start = time.perf_counter()
    procs, results = [], []
    prev = None
    for i, stage in enumerate(stages):
        argv, result = launched([*IWPR, stage] + ([str(CORPUS)] if i == 0 else []), f"pipe-{i}")
        results.append(result)
        last = i == len(stages) - 1
        proc = subprocess.Popen(argv, stdin=prev.stdout if prev else subprocess.DEVNULL,
                                stdout=open(OUT / "pipe.jsonl", "wb") if last else subprocess.PIPE,
                                stderr=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV)
        if prev and prev.stdout:
            prev.stdout.close()
        procs.append(proc)
        prev = proc
    for proc in procs:
        proc.wait()
    rss = [json.loads(r.read_text())["rss"] for r in results]
    wall = time.perf_counter() - start
    lines = sum(1 for _ in open(OUT / "pipe.jsonl", "rb"))
    print(f"pipe: {corpus_bytes / 1e6:.1f} MB in {wall:.2f} s = {corpus_bytes / 1e6 / wall:.1f} MB/s, "
          f"{lines / wall:.0f} rec/s; peak RSS per process (MB): "
          + ", ".join(f"{s} {r:.0f}" for s, r in zip(stages, rss)))


def bench_stream(gigabytes: float, have: set[str]) -> None:
    """Stream ``gigabytes`` of JSON Lines, generated on the fly, through one stage; peak RSS must stay flat."""
    stage = "bylines" if "bylines" in have else "split"
    print(f"\n== {gigabytes:g} GB JSON Lines streamed through `iwpr {stage}` ==")
    if stage != "bylines":
        print("(bylines not on this branch yet: split stands in; it decodes and re-encodes every record)")
    source = OUT / "split.jsonl"
    templates = [json.loads(line) for line in open(source, encoding="utf-8")][:500] if source.exists() else []
    if not templates:
        templates = [{"id": "x#0", "source": "x", "kind": "article", "index": 0, "byline": "By Jane Doe in Kabul",
                      "body": "Some text. " * 300, "text": "Some text. " * 320}]
    lines = [json.dumps(t, ensure_ascii=False, separators=(",", ":")) for t in templates]
    total = int(gigabytes * 1e9)
    cmd, result = launched([*IWPR, stage], "stream")
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            cwd=ROOT, env=CHILD_ENV)
    counted = [0, 0]

    def drain() -> None:
        assert proc.stdout is not None
        for chunk in iter(lambda: proc.stdout.read(1 << 20), b""):  # type: ignore[union-attr]
            counted[0] += len(chunk)
            counted[1] += chunk.count(b"\n")

    reader = threading.Thread(target=drain)
    reader.start()
    start = time.perf_counter()
    sent = n = 0
    assert proc.stdin is not None
    while sent < total:
        batch = []
        for _ in range(64):
            line = lines[n % len(lines)]
            # a fresh id per record, so no two lines are the same
            batch.append(line.replace('"id":"', f'"id":"s{n}-', 1))
            n += 1
        data = ("\n".join(batch) + "\n").encode("utf-8")
        proc.stdin.write(data)
        sent += len(data)
    proc.stdin.close()
    proc.wait()
    reader.join()
    wall = time.perf_counter() - start
    rss = json.loads(result.read_text())["rss"]
    print(f"sent {sent / 1e9:.2f} GB ({n} records) in {wall:.1f} s = {sent / 1e6 / wall:.1f} MB/s; "
          f"out {counted[0] / 1e9:.2f} GB ({counted[1]} records); peak RSS {rss:.1f} MB "
          f"(target < 100 MB: {'met' if rss < 100 else 'NOT met'})")


def bench_startup(runs: int) -> None:
    """`iwpr split` on a one-article file against `python -c "import click, regex"`.

    Same interpreter, environment and working directory for both; the two commands alternate, so a burst
    of load elsewhere on the machine hits both alike.  Median and minimum of wall and CPU time (user +
    system of the child): the minimum is the least disturbed run, the median what a user sees.
    """
    one = OUT / "one-article.txt"
    OUT.mkdir(parents=True, exist_ok=True)
    one.write_text("Standfirst here.\n\nBy Jane Doe\n\nBody text.\n", encoding="utf-8")
    # the console script of this interpreter's environment, run by this interpreter (as its #! line does)
    script = Path(sys.executable).with_name("iwpr")
    iwpr = [sys.executable, str(script)] if script.is_file() else IWPR
    cases = [("python -c 'import click, regex'", [sys.executable, "-c", "import click, regex"]),
             ("iwpr split one-article.txt", [*iwpr, "split", str(one)])]
    for _, argv in cases:  # warm the file cache; not counted
        subprocess.run(argv, stdout=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV, check=True)
    walls: list[list[float]] = [[] for _ in cases]
    cpus: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for i, (_, argv) in enumerate(cases):
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV)
            _, _, usage = os.wait4(proc.pid, 0)
            walls[i].append(time.perf_counter() - start)
            cpus[i].append(usage.ru_utime + usage.ru_stime)
    print(f"\n== startup ({runs} runs each, the two commands alternating; CPU = user + system) ==")
    print(f"{'':<32} {'wall median':>12} {'wall min':>9} {'CPU median':>11} {'CPU min':>8}")
    for (label, _), w, c in zip(cases, walls, cpus):
        print(f"{label:<32} {statistics.median(w) * 1000:9.1f} ms {min(w) * 1000:6.1f} ms "
              f"{statistics.median(c) * 1000:8.1f} ms {min(c) * 1000:5.1f} ms")
    ratios = [f(x[1]) / f(x[0]) for x in (walls, cpus) for f in (statistics.median, min)]
    # each run of iwpr against the baseline run just before it: the two saw the same load
    paired = [statistics.median(b / a for a, b in zip(*x)) for x in (walls, cpus)]
    print(f"ratio: wall {ratios[0]:.2f}x median, {ratios[1]:.2f}x min, {paired[0]:.2f}x paired; "
          f"CPU {ratios[2]:.2f}x median, {ratios[3]:.2f}x min, {paired[1]:.2f}x paired "
          f"(target <= 1.3x of wall time: {'met' if ratios[0] <= 1.3 else 'NOT met'})")
    print("(paired: the median over the runs of iwpr's time divided by that of the baseline run just before it)")


def bench_json(records_path: Path | None) -> None:
    """records.dumps/loads with orjson against the standard library, on our records."""
    from iwpr_extract import records

    print("\n== JSON codecs on our records ==")
    if records_path and records_path.exists():
        lines = open(records_path, encoding="utf-8").read().splitlines()[:20000]
    else:
        lines = []
    small = [{"id": f"a#{i}", "source": "a", "kind": "article", "index": i, "span": [0, 900], "headline": "A headline",
              "byline": "By X", "body": "word " * 150,
              "entities": [{"text": "Kabul", "label": "LOC", "field": "body", "start": j, "end": j + 5, "norm": "Kabul"}
                           for j in range(30)], "warnings": []} for i in range(5000)]
    samples = [("split records", [json.loads(x) for x in lines])] if lines else []
    samples.append(("entity-heavy records", small))
    stdlib = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    import orjson

    for label, recs in samples:
        text = [records.dumps(r) for r in recs]
        mb = sum(len(t.encode()) for t in text) / 1e6

        def clock(fn, items):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            for item in items:
                fn(item)
            return mb / (time.perf_counter() - start)

        print(f"{label} ({mb:.1f} MB): dumps stdlib {clock(lambda r: stdlib.encode(records.order_record(r)), recs):6.0f} MB/s,"
              f" orjson {clock(lambda r: orjson.dumps(records.order_record(r)), recs):6.0f} MB/s,"
              f" records.dumps {clock(records.dumps, recs):6.0f} MB/s;"
              f" loads stdlib {clock(json.loads, text):6.0f} MB/s, orjson {clock(orjson.loads, text):6.0f} MB/s,"
              f" records.loads {clock(records.loads, text):6.0f} MB/s")


def profile(stage: str, source: Path, *, short: bool = False) -> None:
    """cProfile the command `iwpr STAGE` itself (reading, the stage, writing) over about 5 MB of its input.

    ``source`` is what the stage read in the timed run: the corpus directory (raw text) or a JSON Lines
    file.  ``short``: only the top functions by own time (the default run's summary).
    """
    OUT.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        inputs, size = [], 0
        for path in sorted(p for p in source.iterdir() if not p.name.startswith(".")):
            inputs.append(str(path))
            size += path.stat().st_size
            if size > 5e6:
                break
    else:
        sample = OUT / f"profile-{stage}-input.jsonl"
        with open(source, "rb") as src, open(sample, "wb") as dst:
            size = 0
            for line in src:
                dst.write(line)
                size += len(line)
                if size > 5e6:
                    break
        inputs = [str(sample)]
    stats_file = OUT / f"profile-{stage}.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "iwpr_extract", stage, *inputs],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=CHILD_ENV, check=False)
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n== profile: iwpr {stage} over {size / 1e6:.1f} MB ({total:.2f} s under cProfile, which slows "
          f"Python calls more than C work) ==")
    orders = (("tottime", 12),) if short else (("tottime", 25), ("cumulative", 25))
    for order, limit in orders:
        rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2 if order == "tottime" else 3], reverse=True)  # type: ignore[attr-defined]
        print(f"{'own s':>7} {'own %':>6} {'cum s':>7} {'calls':>9}  function   (by {'own' if order == 'tottime' else 'cumulative'} time)")
        shown = 0
        for (filename, line, name), (_, calls, tottime, cumtime, _) in rows:
            if order == "cumulative" and "iwpr_extract" not in filename:
                continue
            where = name if filename == "~" else f"{_short_path(filename)}:{line}({name})"
            print(f"{tottime:7.3f} {100 * tottime / total:5.1f}% {cumtime:7.3f} {calls:9d}  {where}")
            shown += 1
            if shown >= limit:
                break


def _short_path(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("iwpr_extract", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + (anchor == "site-packages"):])
    return Path(filename).name


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=float, default=50, help="corpus size in MB (default 50)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="also time split with --jobs N (1: skip)")
    parser.add_argument("--stream-gb", type=float, default=1.0, help="GB streamed through bylines (0: skip)")
    parser.add_argument("--startup-runs", type=int, default=40, help="runs of each startup command (0: skip)")
    parser.add_argument("--profile", metavar="STAGE", help="a full cProfile of `iwpr STAGE` over ~5 MB of its input")
    parser.add_argument("--no-profile", action="store_true", help="no profile summary of the slowest stage")
    parser.add_argument("--json-only", action="store_true", help="only compare the JSON codecs")
    args = parser.parse_args()
    try:
        import click, orjson, regex  # noqa: F401,E401 - the package's dependencies, for its child processes
    except ImportError as exc:
        sys.exit(f"{exc.name} is missing: install the package first (pip install -e .), see the docstring")
    sys.path.insert(0, str(ROOT))  # this clone's package, as in the child processes
    print(f"machine: {machine()}")
    print(f"command: python bench/run.py {' '.join(sys.argv[1:])}")
    if args.json_only:
        bench_json(OUT / "split.jsonl")
        return
    have = available_commands()
    # byte-compiled first: with PYTHONDONTWRITEBYTECODE set (as on some machines) every command would
    # compile the package's sources, which an installed package never does
    import compileall

    compileall.compile_dir(str(ROOT / "iwpr_extract"), quiet=1)
    start = time.perf_counter()
    files, size = generate(args.size, args.seed)
    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB in {CORPUS.relative_to(ROOT)} "
          f"(generated or reused in {time.perf_counter() - start:.1f} s)")
    rates = bench_stages(files, size, have, args.jobs)
    if args.startup_runs:
        bench_startup(args.startup_runs)
    bench_json(OUT / "split.jsonl")
    if args.stream_gb > 0:
        bench_stream(args.stream_gb, have)
    if args.profile:
        if args.profile not in rates:
            sys.exit(f"--profile {args.profile}: not a stage timed in this run ({', '.join(rates) or 'none'})")
        profile(args.profile, rates[args.profile][1])
    elif rates and not args.no_profile:
        slowest = min(rates, key=lambda stage: rates[stage][0] / TARGETS[stage])
        print(f"\nslowest stage for its target, by CPU time: {slowest} ({rates[slowest][0]:.1f} MB per CPU second, "
              f"target {TARGETS[slowest]:g} MB/s)")
        profile(slowest, rates[slowest][1], short=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--rusage-to"]:
        launcher()
    else:
        main()
