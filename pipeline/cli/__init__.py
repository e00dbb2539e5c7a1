"""Thin command line over the library.

    run_pipeline.py [PATH ...] [--out DIR] [--db URL] ...      extract (default: corpus/)
    run_pipeline.py evaluate --gold DIR [--pred FILE] ...      score against gold
    run_pipeline.py convert-gold ...                           gold to/from annotation tools

Library errors are turned into messages and exit codes here, at the edge.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

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
            "'evaluate' (score against gold; see 'run_pipeline.py evaluate --help') and "
            "'convert-gold' (annotation formats)."
        ),
    )
    run_cli.add_arguments(parser)
    args = parser.parse_args(args_list)
    return run_cli.run(args)  # configures logging itself (also when called on its own)


__all__ = ["main"]
