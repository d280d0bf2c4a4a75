"""Reading the knowledge files in ``data/``: one JSON object each, or one clear ``DataError``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo.errors import DataError


def read_json_object(path: Path, what: str) -> dict[str, Any]:
    """The JSON object in ``path``; ``DataError`` naming the file and ``what`` it should hold otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path.name}: cannot read {what}: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path.name}: {what} must be a JSON object")
    return data
