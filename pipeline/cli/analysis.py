"""`run_pipeline.py export` and `run_pipeline.py summary`: thin layers over `pipeline.analysis`.

Exit codes: 0 ok, 1 the database cannot be read or the file cannot be written,
2 usage errors (a wrong URL, an unknown format, a metric or region with no records).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.analysis import FORMATS, AnalysisError, export_flat, format_of, load_summary
from pipeline.analysis.summary import render_summary
from pipeline.batch.sinks import SinkError, normalize_db_url
from schemas import Metric

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", required=True,
                        help="the database the pipeline wrote: sqlite:///PATH or"
                        " postgresql://USER:PASSWORD@HOST:PORT/DB")
    parser.add_argument("--format", choices=FORMATS,
                        help="csv, parquet or xlsx (default: from the --out suffix)")
    parser.add_argument("--out", metavar="FILE", type=Path, required=True,
                        help="the file to write (replaced when complete)")


def add_summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", required=True,
                        help="the database the pipeline wrote: sqlite:///PATH or"
                        " postgresql://USER:PASSWORD@HOST:PORT/DB")
    parser.add_argument("--out", metavar="FILE", type=Path, required=True,
                        help="the HTML page to write")
    parser.add_argument("--metric", choices=[m.value for m in Metric], metavar="M",
                        help="metric of the time series (default: the metric and region with"
                        " the most dates)")
    parser.add_argument("--region", metavar="R",
                        help="region of the time series: a division code (230600) or a full"
                        " name (大庆市); default: the one with the most dates of the metric")


def _usage_error(db_url: str) -> str | None:
    """What is wrong with `--db`, when it is wrong before connecting."""
    try:
        url = normalize_db_url(db_url)
    except SinkError as exc:
        return str(exc)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return f"no database at {url.database}: run the pipeline with --db {db_url} first"
    return None


def run_export(args: argparse.Namespace) -> int:
    problem = _usage_error(args.db)
    if problem is None and (args.format or format_of(args.out)) is None:
        problem = (f"cannot tell the format of {args.out}: give --format"
                   f" {'|'.join(FORMATS)} or a .csv, .parquet or .xlsx name")
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        count = export_flat(args.db, args.out, args.format)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"records: {count}  written to {args.out}")
    return EXIT_OK


def run_summary(args: argparse.Namespace) -> int:
    problem = _usage_error(args.db)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = load_summary(args.db, metric=args.metric, region=args.region)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if args.metric or args.region else EXIT_FAILED
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render_summary(summary), encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    series = (f"  series: {summary.metric} in {summary.region.label}, {len(summary.series)} points"
              if summary.region else "")
    print(f"records: {summary.records}  documents: {summary.documents}{series}  written to"
          f" {args.out}")
    return EXIT_OK
