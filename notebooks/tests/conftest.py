import subprocess
import sys
from pathlib import Path

import pytest
import torch

NOTEBOOKS = Path(__file__).resolve().parents[1]
ROOT = NOTEBOOKS.parent
sys.path[:0] = [str(NOTEBOOKS), str(NOTEBOOKS / "tests")]
torch.set_num_threads(2)

MODEL_DIR = ROOT / "public" / "models" / "tinyvlm"
WEIGHTS = NOTEBOOKS / "weights" / "tinyvlm.pt"
GOLDEN = ROOT / "tests" / "fixtures" / "tinyvlm-golden.json"


@pytest.fixture(scope="session")
def fake_data(tmp_path_factory):
    from fake_scenes import write_fake

    return write_fake(tmp_path_factory.mktemp("fake") / "train", count=12, seed=1, split="train")


@pytest.fixture(scope="session")
def test_split(tmp_path_factory):
    """The first scenes of the test split, written by the project's own exporter."""
    out = tmp_path_factory.mktemp("scenes") / "test"
    subprocess.run(
        ["npm", "run", "--silent", "scenes:export", "--", "--split", "test", "--count", "4", "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return out
