"""`evaluate` and `convert-gold` through their argparse entry points: exit codes and messages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from pipeline.cli.evaluate import add_arguments, add_convert_arguments, main, run, run_convert
from pipeline.evaluate.corpus import read_gold
from schemas import ExtractedDocument


def evaluate(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args(list(argv)))


def write_pred(path: Path, documents: list[ExtractedDocument]) -> Path:
    path.write_text("".join(d.model_dump_json() + "\n" for d in documents), encoding="utf-8")
    return path


def test_cli_evaluate_writes_reports_and_prints_tables(
    seed_gold_dir: Path, perturbed: list[ExtractedDocument], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pred = write_pred(tmp_path / "pred.jsonl", perturbed[:1])
    code = evaluate("--gold", str(seed_gold_dir), "--pred", str(pred), "--errors",
                    "--report-json", str(tmp_path / "r.json"),
                    "--report-html", str(tmp_path / "r.html"))
    out = capsys.readouterr().out
    assert code == 0
    assert "per metric" in out and "SPURIOUS" in out and "MISSING" in out
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["value"]["fp"] == 1
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("floors", "expected", "message"), [
    (["--min-value-f1", "0.5", "--min-strict-f1", "0.5"], 0, ""),
    (["--min-value-f1", "0.99"], 1, "quality gate failed: value F1"),
    (["--min-strict-f1", "0.99"], 1, "quality gate failed: strict F1"),
])
def test_cli_evaluate_floors_set_the_exit_code(
    seed_gold_dir: Path, perturbed: list[ExtractedDocument], tmp_path: Path,
    capsys: pytest.CaptureFixture[str], floors: list[str], expected: int, message: str,
) -> None:
    pred = write_pred(tmp_path / "pred.jsonl", perturbed[:1])
    assert evaluate("--gold", str(seed_gold_dir), "--pred", str(pred), *floors) == expected
    assert message in capsys.readouterr().err


def test_cli_evaluate_missing_gold_dir_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate("--gold", str(tmp_path / "nope")) == 2
    assert "does not exist; pass --gold DIR" in capsys.readouterr().err


def test_cli_evaluate_bad_prediction_line_names_the_line(
    seed_gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    assert evaluate("--gold", str(seed_gold_dir), "--pred", str(pred)) == 2
    assert f"{pred}:1 is not an ExtractedDocument" in capsys.readouterr().err


def test_cli_evaluate_text_hash_mismatch_is_a_usage_error(
    seed_gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "gold"
    broken.mkdir()
    for path in seed_gold_dir.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    text = next(broken.glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + "x", encoding="utf-8")
    assert evaluate("--gold", str(broken)) == 2
    assert "does not match the gold's text_sha256" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1.5", "abc"])
def test_cli_evaluate_rejects_floor_outside_unit_interval(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        evaluate("--gold", "corpus", "--min-value-f1", value)
    assert exit_info.value.code == 2
    assert "between 0 and 1" in capsys.readouterr().err


def test_cli_evaluate_runs_the_pipeline_without_pred(
    seed_gold_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate("--gold", str(seed_gold_dir)) == 0
    assert "dbw-daqing-2020-04-28" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "brat"])
def test_cli_convert_gold_round_trip(fmt: str, seed_gold_dir: Path, tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_convert_arguments(parser)
    middle, back = tmp_path / f"out.{fmt}", tmp_path / "back"
    assert run_convert(parser.parse_args(
        ["--from", "gold", "--to", fmt, str(seed_gold_dir), str(middle)])) == 0
    assert main(["convert-gold", "--from", fmt, "--to", "gold", str(middle), str(back)]) == 0
    for path in seed_gold_dir.iterdir():
        if path.suffix == ".txt":
            assert (back / path.name).read_bytes() == path.read_bytes()
        else:
            assert read_gold(back / path.name) == read_gold(path)
            assert (json.loads((back / path.name).read_text(encoding="utf-8"))
                    == json.loads(path.read_text(encoding="utf-8")))


def test_cli_convert_gold_bad_input_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.json").write_text("[{\"data\": {}}]", encoding="utf-8")
    code = main(["convert-gold", "--from", "labelstudio", "--to", "gold",
                 str(tmp_path / "bad.json"), str(tmp_path / "out")])
    assert code == 2
    assert "has no data.text" in capsys.readouterr().err
