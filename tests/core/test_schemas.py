"""The exported JSON Schema files are what the pydantic models say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import StatRecord
from schemas.export import SCHEMA_DIR, render_schemas


@pytest.mark.parametrize("file_name", sorted(render_schemas()))
def test_schemas_files_match_models(file_name: str) -> None:
    on_disk = (SCHEMA_DIR / file_name).read_text(encoding="utf-8")
    assert json.loads(on_disk) == json.loads(render_schemas()[file_name]), (
        f"schemas/{file_name} is stale: run `python -m schemas.export`"
    )


def test_schemas_reject_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        StatRecord.model_validate({"metric": "other", "bogus": 1})


def test_schemas_span_must_fit_value_text() -> None:
    record = {
        "metric": "jobs_created", "indicator": "新增就业", "value": 3, "unit": "person",
        "value_text": "3人", "span": [5, 9], "evidence": "新增就业3人",
    }
    with pytest.raises(ValidationError):
        StatRecord.model_validate(record)


def test_schemas_seed_gold_validates(repo: Path) -> None:
    from schemas import GoldDocument

    path = repo / "corpus/gold/dbw-daqing-2020-04-28.gold.json"
    gold = GoldDocument.model_validate_json(path.read_text(encoding="utf-8"))
    assert len(gold.records) == 40
    assert json.loads(gold.records[2].model_dump_json())["value"] == 65000
