"""Load the data files under `pipeline/data/`, validated on load.

Every rule table of the pipeline (lexicons, units, qualifiers, date words, chrome
markers) is a YAML or JSON file here; code reads it through `load_yaml` with a
pydantic model, so a malformed file fails at start-up with the file's name.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pipeline.errors import ConfigError

DATA_PACKAGE = "pipeline.data"
# libyaml's parser when PyYAML has it (the same documents, read ten times faster: start-up)
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ModelT = TypeVar("ModelT", bound=BaseModel)


def data_path(name: str) -> Path:
    """Path of a data file shipped in `pipeline/data/`."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


@cache
def _read_raw(name: str) -> Any:
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"data file {path} cannot be read: {exc}") from exc
    try:
        if name.endswith(".json"):
            return json.loads(text)
        return yaml.load(text, Loader=YAML_LOADER)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise ConfigError(f"data file {path} is not valid YAML/JSON: {exc}") from exc


def load_data(name: str, model: type[ModelT]) -> ModelT:
    """Read `pipeline/data/<name>` and validate it with `model`."""
    try:
        return model.model_validate(_read_raw(name))
    except ValidationError as exc:
        raise ConfigError(f"data file pipeline/data/{name} is invalid:\n{exc}") from exc
