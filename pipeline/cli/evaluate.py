"""`run_pipeline.py evaluate` and `run_pipeline.py convert-gold`: thin layers over
`pipeline.evaluate`.

Exit codes: 0 ok, 1 a quality floor was not met, 2 usage or input error (the
message says what to do).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.evaluate import (
    EvaluationInputError,
    as_predictions,
    load_gold_dir,
    predict,
    read_predictions,
    render_errors,
    render_html,
    render_text,
    score,
    write_json,
)
from pipeline.evaluate.corpus import DEFAULT_ARCHIVE
from pipeline.evaluate.formats import FORMATS, FormatError, GoldPairs, export_gold_dir

EXIT_OK, EXIT_BELOW_FLOOR, EXIT_USAGE = 0, 1, 2
GOLD_FORMATS = ["gold", *FORMATS]


def _floor(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number between 0 and 1") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `evaluate`."""
    parser.add_argument("--gold", type=Path, required=True, metavar="DIR",
                        help="corpus root (manifest.yaml, gold/, texts/) or a directory of"
                             " <doc_id>.gold.json files with <doc_id>.txt beside them")
    parser.add_argument("--pred", type=Path, metavar="FILE",
                        help="JSONL of ExtractedDocument (the pipeline's records.jsonl);"
                             " without it the pipeline runs on the gold texts")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="a second annotator's gold directory, scored as the predictions:"
                             " inter-annotator agreement on the documents both annotated")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, metavar="PATH",
                        help="news archive holding the texts of archive gold"
                             " (default: %(default)s)")
    parser.add_argument("--report-json", type=Path, metavar="FILE",
                        help="write the JSON report here (keys in docs/evaluation.md)")
    parser.add_argument("--report-html", type=Path, metavar="FILE",
                        help="write the offline HTML report here")
    parser.add_argument("--errors", action="store_true",
                        help="print every miss, spurious record and field disagreement")
    parser.add_argument("--min-value-f1", type=_floor, metavar="X",
                        help="exit 1 when value-level F1 is below X")
    parser.add_argument("--min-strict-f1", type=_floor, metavar="X",
                        help="exit 1 when strict F1 is below X")


def run(args: argparse.Namespace) -> int:
    """Score, print the tables, write the reports, apply the floors."""
    try:
        gold_set = load_gold_dir(args.gold, args.archive)
        if args.against:
            pred = as_predictions(load_gold_dir(args.against, args.archive))
            gold_set = gold_set.restricted_to({doc.doc_id for doc in pred})
        else:
            pred = read_predictions(args.pred) if args.pred else predict(gold_set.documents)
    except EvaluationInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not gold_set.documents:
        print(f"error: no gold document of {args.gold} could be loaded: "
              + "; ".join(gold_set.skipped.values()), file=sys.stderr)
        return EXIT_USAGE

    report = score(gold_set.golds, pred, skipped=gold_set.skipped)
    sys.stdout.write(render_text(report))
    if args.errors:
        sys.stdout.write("\n" + render_errors(report))
    if args.report_json:
        write_json(report, args.report_json)
    if args.report_html:
        args.report_html.parent.mkdir(parents=True, exist_ok=True)
        args.report_html.write_text(
            render_html(report, gold_set.golds, pred, gold_set.texts), encoding="utf-8")

    failed = [
        f"{name} F1 {actual:.4f} is below the floor {floor:.4f}"
        for name, actual, floor in (("value", report.value.f1, args.min_value_f1),
                                    ("strict", report.strict.f1, args.min_strict_f1))
        if floor is not None and actual < floor
    ]
    for message in failed:
        print(f"quality gate failed: {message}", file=sys.stderr)
    return EXIT_BELOW_FLOOR if failed else EXIT_OK


def add_convert_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `convert-gold`."""
    parser.add_argument("--from", dest="from_format", choices=GOLD_FORMATS, required=True,
                        help="format of INPUT: gold (corpus root or *.gold.json directory),"
                             " labelstudio (JSON), doccano (JSONL), brat (directory)")
    parser.add_argument("--to", dest="to_format", choices=GOLD_FORMATS, required=True,
                        help="format of OUTPUT")
    parser.add_argument("input", type=Path, metavar="INPUT")
    parser.add_argument("output", type=Path, metavar="OUTPUT")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE, metavar="PATH",
                        help="news archive holding the texts of archive gold")


def run_convert(args: argparse.Namespace) -> int:
    """Read gold in one format and write it in another."""
    try:
        documents: GoldPairs
        if args.from_format == "gold":
            gold_set = load_gold_dir(args.input, args.archive)
            documents = [(doc.gold, doc.text) for doc in gold_set.documents]
            for doc_id, why in gold_set.skipped.items():
                print(f"warning: {doc_id} left out: {why}", file=sys.stderr)
        else:
            documents = FORMATS[args.from_format][1](args.input)
        if args.to_format == "gold":
            export_gold_dir(documents, args.output)
        else:
            FORMATS[args.to_format][0](documents, args.output)
    except (EvaluationInputError, FormatError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {len(documents)} documents to {args.output} ({args.to_format})")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m pipeline.cli.evaluate [evaluate|convert-gold] ...` (the dispatcher's twin)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.cli.evaluate")
    commands = parser.add_subparsers(dest="command", required=True)
    add_arguments(commands.add_parser("evaluate", help="score predictions against gold"))
    add_convert_arguments(commands.add_parser("convert-gold", help="convert gold annotations"))
    args = parser.parse_args(argv)
    return run(args) if args.command == "evaluate" else run_convert(args)


if __name__ == "__main__":
    sys.exit(main())
