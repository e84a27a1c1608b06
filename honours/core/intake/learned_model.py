"""The logistic models of intake's learned steps (``second_look``, ``report_honours``): weights
over sparse binary features and the threshold they were chosen at, read from a JSON file that
``tools/train_intake_model.py`` writes. A missing or damaged file is no model: intake then reads
with its rules alone."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .. import files


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float

    def likelihood(self, features: frozenset[str]) -> float:
        """The model's probability that the features describe a yes (an honouree, the pair's title)."""
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(path: Path) -> Model | None:
    """The model in `path`, or None when it is missing or damaged."""
    try:
        data = json.loads(files.read_text(path))
        return Model({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
