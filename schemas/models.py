"""Pydantic models of the record contract (`shared/spec/record-schema.md`).

This package imports nothing of `pipeline`: it is the contract, not the code that
fills it. JSON Schema files beside this module are exported from these models by
`python -m schemas.export` and checked against them by the test suite.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

SCHEMA_VERSION = "2.0"


class Script(str, Enum):
    traditional = "traditional"
    simplified = "simplified"
    mixed = "mixed"


class Level(str, Enum):
    country = "country"
    province = "province"
    city = "city"
    county = "county"
    district = "district"


class Metric(str, Enum):
    workers_at_work = "workers_at_work"
    at_work_rate = "at_work_rate"
    enterprises_total = "enterprises_total"
    enterprises_resumed = "enterprises_resumed"
    resumption_rate = "resumption_rate"
    jobs_created = "jobs_created"
    job_vacancies = "job_vacancies"
    employers_recruiting = "employers_recruiting"
    job_matches = "job_matches"
    employment_rate = "employment_rate"
    unemployed_persons = "unemployed_persons"
    unemployment_rate = "unemployment_rate"
    trainees = "trainees"
    recruitment_events = "recruitment_events"
    job_seekers = "job_seekers"
    furloughed_workers = "furloughed_workers"
    furlough_employers = "furlough_employers"
    insured_persons = "insured_persons"
    labour_force = "labour_force"
    workers_transported = "workers_transported"
    transport_services = "transport_services"
    support_amount = "support_amount"
    support_recipients = "support_recipients"
    policy_cap = "policy_cap"
    other = "other"


class Unit(str, Enum):
    person = "person"
    enterprise = "enterprise"
    position = "position"
    event = "event"
    yuan = "yuan"
    percent = "percent"
    percentage_point = "percentage_point"
    ratio = "ratio"
    count = "count"  # type: ignore[assignment]  # the contract's value; shadows str.count


class Qualifier(str, Enum):
    exact = "exact"
    approx = "approx"
    over = "over"
    under = "under"


class Kind(str, Enum):
    level = "level"
    change = "change"


class Direction(str, Enum):
    up = "up"
    down = "down"


class Sector(str, Enum):
    primary = "primary"
    secondary = "secondary"
    tertiary = "tertiary"


class Stage(str, Enum):
    read = "read"
    decode = "decode"
    clean = "clean"
    convert = "convert"
    segment = "segment"
    extract = "extract"
    validate = "validate"
    sink = "sink"


def _decimal_to_json(value: Decimal) -> int | float:
    """Values are JSON numbers, as in the gold files: integral values as ints."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


JsonDecimal = Annotated[
    Decimal,
    PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json"),
    Field(json_schema_extra={"type": "number"}),
]

_STRICT = ConfigDict(extra="forbid", use_enum_values=False)


class Region(BaseModel):
    model_config = _STRICT

    name: str = Field(min_length=1, description="Simplified, full official form: 大庆市, 林甸县, 全国")
    level: Level
    code: str | None = Field(default=None, pattern=r"^\d{6}$", description="6-digit division code")
    parent: str | None = Field(default=None, description="province of a city, city of a county")


class ArticleMeta(BaseModel):
    model_config = _STRICT

    title: str | None = None
    published_at: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+08:00)?$",
        description="ISO 8601: a date, or a date and time with +08:00 where the page gives a time",
    )
    outlet: str | None = None
    site: str | None = None
    authors: list[str] = Field(default_factory=list)
    editor: str | None = None
    dateline: str | None = None
    region: Region | None = None


class StatRecord(BaseModel):
    model_config = _STRICT

    metric: Metric
    indicator: str
    value: JsonDecimal
    value_max: JsonDecimal | None = Field(
        default=None, description="upper bound of a range, in base units (v2); null otherwise"
    )
    unit: Unit
    qualifier: Qualifier = Qualifier.exact
    kind: Kind = Kind.level
    direction: Direction | None = Field(
        default=None, description="sense of a change: up or down; null for levels and unsigned changes (v2)"
    )
    projected: bool = False
    subject: str | None = None
    sector: Sector | None = None
    region: Region | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    value_text: str = Field(min_length=1)
    span: tuple[int, int]
    evidence: str

    @model_validator(mode="after")
    def _span_is_ordered(self) -> StatRecord:
        start, end = self.span
        if not 0 <= start < end:
            raise ValueError(f"span {self.span} must satisfy 0 <= start < end")
        if end - start != len(self.value_text):
            raise ValueError(f"span {self.span} does not have the length of {self.value_text!r}")
        if self.kind is Kind.level and self.direction is not None:
            raise ValueError("a level has no direction: direction must be null when kind is level")
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        return self


class DocError(BaseModel):
    model_config = _STRICT

    stage: Stage
    code: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    message: str = Field(min_length=1)


class ExtractedDocument(BaseModel):
    model_config = _STRICT

    doc_id: str = Field(min_length=1)
    source: str
    script: Script
    article: ArticleMeta
    text: str
    records: list[StatRecord] = Field(default_factory=list)
    errors: list[DocError] = Field(default_factory=list)

    @model_validator(mode="after")
    def _records_are_grounded(self) -> ExtractedDocument:
        for record in self.records:
            start, end = record.span
            if self.text[start:end] != record.value_text:
                raise ValueError(
                    f"record {record.value_text!r} is not grounded: text[{start}:{end}]"
                    f" is {self.text[start:end]!r}"
                )
        return self


class ArchiveRef(BaseModel):
    """Where a gold file's text lives when it may not be copied into the repository."""

    model_config = _STRICT

    archive: str = Field(description="file name under shared/data, e.g. news-archive.jsonl.gz")
    record_id: str


class GoldDocument(BaseModel):
    """A gold annotation: the records a perfect extraction yields for one text.

    The text itself is either a file beside the gold (`<doc_id>.txt`) or, for
    archive articles whose text must stay out of the repository, `archive_ref`.
    `text_sha256` pins the exact text the spans point into. Evidence may be left
    empty in archive gold; the loader fills it from the text.
    """

    model_config = _STRICT

    doc_id: str
    source: str
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    script: Script
    article: ArticleMeta
    records: list[StatRecord]
    archive_ref: ArchiveRef | None = None
    notes: str | None = None


EXPORTED_MODELS: dict[str, type[BaseModel]] = {
    "extracted_document": ExtractedDocument,
    "stat_record": StatRecord,
    "article_meta": ArticleMeta,
    "region": Region,
    "doc_error": DocError,
    "gold_document": GoldDocument,
}
