"""`run_pipeline.py [PATH ...]`: extract records from files, directories, archives or stdin.

A thin layer over `pipeline.batch.runner`: it parses options into one `BatchSettings`,
checks them (exit 2 with what to do when a path or URL is wrong), shows
progress and prints a summary. Exit codes: 0 when every document was processed
without error, 3 when every document was processed and written but some have
errors (the summary counts them by code), 1 when an output failed, 2 on usage
errors, 130 when interrupted (rerun with --resume to continue).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import zlib
from pathlib import Path
from typing import TextIO

from pipeline.batch.runner import BatchSettings, run_batch
from pipeline.batch.sinks import SinkError, normalize_db_url
from pipeline.batch.sources import FieldNames, is_archive, is_warc, open_binary, walk_texts
from pipeline.logs import configure_cli_logging
from pipeline.settings import Settings

logger = logging.getLogger(__name__)

DEFAULT_INPUT = "corpus"
DEFAULT_OUT = "out"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="files, directories (their .txt/.html/.htm files), .jsonl[.gz] or .warc[.gz]"
        f" archives, or - for stdin (default: {DEFAULT_INPUT}/)")
    output = parser.add_argument_group("outputs")
    output.add_argument("--out", metavar="DIR", default=DEFAULT_OUT,
                        help=f"directory of records.jsonl (default: {DEFAULT_OUT})")
    output.add_argument("--db", metavar="URL",
                        help="sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DB"
                        " (default: sqlite:///OUT/employment.db)")
    output.add_argument("--no-db", action="store_true", help="write no database")
    output.add_argument("--parquet", metavar="DIR",
                        help="also write a Parquet dataset (documents/, records/, errors/)")
    work = parser.add_argument_group("processing")
    work.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                      help="worker processes (default: the number of cores)")
    work.add_argument("--batch-size", type=int, default=64, metavar="N",
                      help="documents per write transaction (default: 64)")
    work.add_argument("--resume", action="store_true",
                      help="skip documents already complete in every output (after an"
                      " interrupted run); without it JSONL/Parquet are replaced and the"
                      " database is upserted")
    work.add_argument("--engine", choices=("local", "dask"), default="local",
                      help="local processes, or a Dask distributed cluster")
    work.add_argument("--scheduler", metavar="ADDR",
                      help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: start"
                      " a local cluster of --workers processes)")
    work.add_argument("--max-bytes", type=int, default=Settings().max_bytes, metavar="N",
                      help="inputs over N bytes get a read.too_large error (default:"
                      f" {Settings().max_bytes})")
    work.add_argument("--time-budget", type=_seconds, default=Settings().time_budget,
                      metavar="SECONDS",
                      help="time one document may take; past it extraction stops with an"
                      " extract.time_budget error and keeps the records found (default:"
                      f" {Settings().time_budget:g}; 'none' for no limit)")
    work.add_argument("--progress", choices=("auto", "bar", "lines", "none"), default="auto",
                      help="auto: a bar on a terminal, otherwise lines with -v and nothing"
                      " without (default: auto)")
    fields = parser.add_argument_group("archive fields (JSONL)")
    defaults = FieldNames()
    fields.add_argument("--text-field", nargs="+", metavar="NAME",
                        help=f"fields holding the body, first non-empty wins"
                        f" (default: {' '.join(defaults.text)})")
    fields.add_argument("--html-field", nargs="+", metavar="NAME",
                        help=f"body fields read as HTML (default: {' '.join(defaults.html)})")
    fields.add_argument("--id-field", metavar="NAME", help=f"default: {defaults.id}")
    fields.add_argument("--title-field", metavar="NAME", help=f"default: {defaults.title}")
    fields.add_argument("--date-field", nargs="+", metavar="NAME",
                        help=f"default: {' '.join(defaults.date)}")
    fields.add_argument("--url-field", metavar="NAME", help=f"default: {defaults.url}")
    fields.add_argument("--stdin-format", choices=("text", "html", "jsonl"), default="text",
                        help="what - reads: one text or HTML document, or a JSONL archive")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="-v: info, -vv: debug logging")


def _seconds(value: str) -> float | None:
    if value.strip().lower() == "none":
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is no number of seconds") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r}: give a positive number of seconds,"
                                         " or none") from None
    return seconds


class UsageError(Exception):
    """A wrong option: the message says what to do; exit code 2."""


def build_settings(args: argparse.Namespace) -> BatchSettings:
    paths = tuple(args.paths) or (DEFAULT_INPUT,)
    for path in paths:
        if path != "-" and not Path(path).exists():
            raise UsageError(f"input {path} does not exist: give a file, a directory, an"
                             " archive (.jsonl, .jsonl.gz, .warc, .warc.gz) or - for stdin")
    if paths.count("-") > 1:
        raise UsageError("- (stdin) can be given once")
    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {args.workers}")
    if args.batch_size < 1:
        raise UsageError(f"--batch-size must be at least 1, not {args.batch_size}")
    if args.max_bytes < 1:
        raise UsageError(f"--max-bytes must be at least 1, not {args.max_bytes}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} is a file: give a directory (it is created if"
                         " missing)")
    db_url = None if args.no_db else (args.db or f"sqlite:///{out_dir / 'employment.db'}")
    if db_url is not None:
        try:
            url = normalize_db_url(db_url)
            if url.get_backend_name() == "sqlite" and Path(url.database or "").is_dir():
                raise SinkError(f"--db {db_url} names a directory: use sqlite:///DIR/FILE.db")
        except SinkError as exc:
            raise UsageError(str(exc)) from exc
    defaults = FieldNames()
    fields = FieldNames(
        text=tuple(args.text_field or defaults.text),
        html=tuple(args.html_field or defaults.html),
        id=args.id_field or defaults.id,
        title=args.title_field or defaults.title,
        date=tuple(args.date_field or defaults.date),
        url=args.url_field or defaults.url,
    )
    return BatchSettings(
        inputs=paths, workers=args.workers, batch_size=args.batch_size, resume=args.resume,
        fields=fields, stdin_format=args.stdin_format, out_dir=out_dir, db_url=db_url,
        parquet_dir=Path(args.parquet) if args.parquet else None, engine=args.engine,
        scheduler=args.scheduler,
        extract=Settings(max_bytes=args.max_bytes, time_budget=args.time_budget),
    )


def run(args: argparse.Namespace) -> int:
    configure_cli_logging(args.verbose)
    try:
        settings = build_settings(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    progress = make_progress(args.progress, settings, sys.stderr, verbose=args.verbose > 0)
    try:
        summary = run_batch(settings, progress=progress)
    except SinkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: what was written is kept; rerun with --resume to continue",
              file=sys.stderr)
        return 130
    print(f"documents: {summary.documents}  records: {summary.records}  errors:"
          f" {summary.errors} (in {summary.documents_with_errors} documents)  skipped:"
          f" {summary.skipped}  seconds: {summary.seconds:.1f}")
    if summary.documents_with_errors:
        codes = ", ".join(f"{code} {count}" for code, count in summary.codes.most_common())
        print(f"{summary.documents_with_errors} of {summary.documents} documents have errors"
              f" ({codes}); they are written with them: see the errors table or the"
              " errors field of records.jsonl")
        return 3
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_pipeline.py", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


def make_progress(
    mode: str, settings: BatchSettings, stream: TextIO, verbose: bool = False
) -> BarProgress | LineProgress | None:
    """`auto` keeps a piped run silent on stderr unless -v asks for progress lines."""
    if mode == "none" or (mode == "auto" and not stream.isatty() and not verbose):
        return None
    if mode == "bar" or (mode == "auto" and stream.isatty()):
        return BarProgress(stream, total=count_inputs(settings.inputs))
    return LineProgress(stream)


def count_inputs(paths: tuple[str, ...]) -> int | None:
    """How many documents `paths` hold, when that is cheap to tell (for the ETA)."""
    total = 0
    for path_text in paths:
        path = Path(path_text)
        if path_text == "-" or is_warc(path):
            return None
        if path.is_dir():
            total += sum(1 for _ in walk_texts(path))
        elif is_archive(path):
            try:
                total += _count_lines(path)
            except (OSError, EOFError, zlib.error):
                return None  # a damaged archive: the run reports it, the bar shows no ETA
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    """Lines of an archive, counted in blocks (a line may be larger than memory allows)."""
    count = 0
    last = b"\n"
    with open_binary(path) as stream:
        while block := stream.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


class BarProgress:
    """tqdm bar on a terminal: documents/s, records, errors and ETA."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=True,
                         smoothing=0.1)
        self.records = 0
        self.errors = 0

    def update(self, documents: int, records: int, errors: int) -> None:
        self.records += records
        self.errors += errors
        self._bar.set_postfix(records=self.records, errors=self.errors, refresh=False)
        self._bar.update(documents)

    def close(self) -> None:
        self._bar.close()


class LineProgress:
    """Quiet progress for logs and pipes: one line every `every` seconds and at the end."""

    def __init__(self, stream: TextIO, every: float = 10.0) -> None:
        self.stream = stream
        self.every = every
        self.started = time.monotonic()
        self.last = self.started
        self.documents = self.records = self.errors = 0

    def update(self, documents: int, records: int, errors: int) -> None:
        self.documents += documents
        self.records += records
        self.errors += errors
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(now)

    def close(self) -> None:
        self._line(time.monotonic())

    def _line(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        print(f"progress: {self.documents} documents ({self.documents / elapsed:.1f}/s),"
              f" {self.records} records, {self.errors} errors, {elapsed:.0f}s",
              file=self.stream, flush=True)


if __name__ == "__main__":
    sys.exit(main())
