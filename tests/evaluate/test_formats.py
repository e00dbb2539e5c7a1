"""Label Studio, doccano and brat: export then import gives the same gold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.evaluate.corpus import sha256_text
from pipeline.evaluate.formats import FORMATS, FormatError, export_gold_dir
from pipeline.evaluate.formats.common import ATTRIBUTES
from pipeline.evaluate.formats.labelstudio import Utf16Offsets, labeling_config, to_tasks
from pipeline.evaluate.inputs import load_gold_dir
from schemas import ArticleMeta, GoldDocument, Script, StatRecord

TARGETS = {"labelstudio": "tasks.json", "doccano": "gold.jsonl", "brat": "brat"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_formats_round_trip_seed_gold(fmt: str, tmp_path: Path,
                                      seed_documents: list[tuple[GoldDocument, str]]) -> None:
    export, load = FORMATS[fmt]
    target = tmp_path / TARGETS[fmt]
    export(seed_documents, target)
    assert load(target) == seed_documents


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.text(alphabet=st.sampled_from("𠀀😀𝄞甲乙,。\n a"), max_size=12),
       middle=st.text(alphabet=st.sampled_from("𠀀😀丙, "), max_size=6))
def test_formats_round_trip_offsets_after_astral_characters(
    fmt: str, tmp_path_factory: pytest.TempPathFactory,
    record_factory: Callable[..., StatRecord], prefix: str, middle: str,
) -> None:
    text = f"{prefix}新增1200人{middle}岗位30个。"
    records = [record_factory(text, "1200人", "jobs_created", "1200", "person"),
               record_factory(text, "30个", "job_vacancies", "30", "position")]
    gold = GoldDocument(doc_id="astral", source="astral.txt", text_sha256=sha256_text(text),
                        script=Script.simplified, article=ArticleMeta(), records=records)
    export, load = FORMATS[fmt]
    target = tmp_path_factory.mktemp(fmt) / TARGETS[fmt]
    export([(gold, text)], target)
    ((loaded, loaded_text),) = load(target)
    assert loaded_text == text
    assert loaded == gold
    assert [text[slice(*r.span)] for r in loaded.records] == ["1200人", "30个"]


@given(st.text(max_size=30))
def test_formats_utf16_offsets_agree_with_utf16_encoding(text: str) -> None:
    offsets = Utf16Offsets(text)
    for index in range(len(text) + 1):
        units = len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_utf16(index) == units
        assert offsets.to_code_point(units) == index


def test_formats_labelstudio_spans_are_utf16_units(
    record_factory: Callable[..., StatRecord],
) -> None:
    text = "😀新增1200人"
    gold = GoldDocument(doc_id="x", source="x", text_sha256=sha256_text(text),
                        script=Script.simplified, article=ArticleMeta(),
                        records=[record_factory(text, "1200人", "jobs_created", "1200", "person")])
    (task,) = to_tasks([(gold, text)])
    label = next(r for r in task["annotations"][0]["result"] if r["type"] == "labels")
    assert gold.records[0].span == (3, 8)
    assert (label["value"]["start"], label["value"]["end"]) == (4, 9)
    assert label["value"]["labels"] == ["jobs_created"]


def test_formats_labelstudio_config_declares_every_per_region_control() -> None:
    config = labeling_config()
    for name in ("metric", "unit", "qualifier", "kind", "direction", "projected", "value", "value_max",
                 "evidence"):
        assert f'name="{name}"' in config
    assert config.count('perRegion="true"') == len(ATTRIBUTES)


def test_formats_doccano_reads_entities_without_metadata(tmp_path: Path) -> None:
    text = "新增就业1200人。"
    line = {"id": 7, "text": text,
            "entities": [{"id": 3, "label": "jobs_created", "start_offset": 4, "end_offset": 9}],
            "attributes": {"3": {"value": "1200", "unit": "person"}}}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    ((gold, _),) = FORMATS["doccano"][1](path)
    assert gold.doc_id == "7"
    assert gold.text_sha256 == sha256_text(text)
    (record,) = gold.records
    assert (record.value_text, record.evidence, record.qualifier.value) == (
        "1200人", "新增就业1200人。", "exact")


@pytest.mark.parametrize(("entity", "attributes", "message"), [
    ({"label": "jobs_created", "start_offset": 4, "end_offset": 9}, {}, "no value, unit"),
    ({"label": "jobs_created", "start_offset": 4, "end_offset": 99},
     {"0": {"value": "1", "unit": "person"}}, "outside the text"),
    ({"label": "no_such_metric", "start_offset": 4, "end_offset": 9},
     {"0": {"value": "1", "unit": "person"}}, "not a valid record"),
])
def test_formats_doccano_bad_entity_gives_clear_error(
    tmp_path: Path, entity: dict[str, object], attributes: dict[str, object], message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    line = {"text": "新增就业1200人。", "entities": [entity], "attributes": attributes}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        FORMATS["doccano"][1](path)


def test_formats_brat_ann_uses_t_a_n_lines(tmp_path: Path,
                                           seed_documents: list[tuple[GoldDocument, str]]) -> None:
    gold, text = seed_documents[0]
    FORMATS["brat"][0]([(gold, text)], tmp_path)
    ann = (tmp_path / f"{gold.doc_id}.ann").read_text(encoding="utf-8").splitlines()
    first = gold.records[0]
    assert ann[0] == (f"T1\t{first.metric.value} {first.span[0]} {first.span[1]}"
                      f"\t{first.value_text}")
    assert f"A1\tUnit T1 {first.unit.value}" in ann
    assert any(line.startswith("N1\tReference T1 GB2260:") for line in ann)
    assert (tmp_path / "annotation.conf").read_text(encoding="utf-8").startswith("[entities]")


def test_formats_brat_without_sidecar_derives_metadata(tmp_path: Path) -> None:
    (tmp_path / "d1.txt").write_text("复工率95%。", encoding="utf-8")
    (tmp_path / "d1.ann").write_text(
        "T1\tresumption_rate 3 6\t95%\nA1\tUnit T1 percent\nA2\tProjected T1\n"
        '#1\tAnnotatorNotes T1\t{"value": "95"}\n', encoding="utf-8")
    ((gold, _),) = FORMATS["brat"][1](tmp_path)
    assert gold.doc_id == "d1"
    assert gold.records[0].projected is True
    assert gold.records[0].region is None


def test_formats_gold_dir_export_loads_back(
    tmp_path: Path, seed_documents: list[tuple[GoldDocument, str]]
) -> None:
    export_gold_dir(seed_documents, tmp_path)
    loaded = load_gold_dir(tmp_path, None)
    assert [(d.gold, d.text) for d in loaded.documents] == sorted(
        seed_documents, key=lambda pair: pair[0].doc_id)
