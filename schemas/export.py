"""Export the JSON Schema files beside this module: `python -m schemas.export`."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.models import EXPORTED_MODELS

SCHEMA_DIR = Path(__file__).parent


def render_schemas() -> dict[str, str]:
    """File name -> JSON text of every exported model's schema (serialization mode)."""
    rendered = {}
    for name, model in EXPORTED_MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        rendered[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return rendered


def main() -> None:
    for file_name, text in render_schemas().items():
        (SCHEMA_DIR / file_name).write_text(text, encoding="utf-8")
        print(f"wrote schemas/{file_name}")


if __name__ == "__main__":
    main()
