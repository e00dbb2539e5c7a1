"""Thin command line over the library.

    run_pipeline.py [PATH ...] [--out DIR] [--db URL] ...      extract (default: corpus/)
    run_pipeline.py evaluate --gold DIR [--pred FILE] ...      score against gold
    run_pipeline.py convert-gold ...                           gold to/from annotation tools
    run_pipeline.py export --db URL --out FILE ...             records_flat to CSV/Parquet/Excel
    run_pipeline.py summary --db URL --out FILE.html ...       an HTML overview of a batch

Library errors are turned into messages and exit codes here, at the edge.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from pipeline.cli import analysis as analysis_cli
from pipeline.cli import evaluate as evaluate_cli
from pipeline.cli import run as run_cli
from pipeline.logs import configure_cli_logging

# name -> (description, add_arguments, run)
SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                             Callable[[argparse.Namespace], int]]] = {
    "evaluate": ("Score extraction against gold annotations.",
                 evaluate_cli.add_arguments, evaluate_cli.run),
    "convert-gold": ("Convert gold files to and from Label Studio, doccano and brat.",
                     evaluate_cli.add_convert_arguments, evaluate_cli.run_convert),
    "export": ("Write the records_flat view of a pipeline database to CSV, Parquet or Excel.",
               analysis_cli.add_export_arguments, analysis_cli.run_export),
    "summary": ("Write an HTML overview of a pipeline database: records per metric and"
                " province, and a time series of one metric for one region.",
                analysis_cli.add_summary_arguments, analysis_cli.run_summary),
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        description, add_arguments, run = SUBCOMMANDS[args_list[0]]
        parser = argparse.ArgumentParser(
            prog=f"run_pipeline.py {args_list[0]}", description=description
        )
        add_arguments(parser)
        args = parser.parse_args(args_list[1:])
        configure_cli_logging(getattr(args, "verbose", 0) or 0)
        return run(args)
    parser = argparse.ArgumentParser(
        prog="run_pipeline.py",
        description=(
            "Extract employment-statistics records from Chinese news. Subcommands: "
            "'evaluate' (score against gold; see 'run_pipeline.py evaluate --help'), "
            "'convert-gold' (annotation formats), 'export' (the records of a database as CSV,"
            " Parquet or Excel) and 'summary' (an HTML overview of a database)."
        ),
    )
    run_cli.add_arguments(parser)
    args = parser.parse_args(args_list)
    return run_cli.run(args)  # configures logging itself (also when called on its own)


__all__ = ["main"]
