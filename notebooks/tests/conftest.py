import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import torch

NOTEBOOKS = Path(__file__).resolve().parents[1]
ROOT = NOTEBOOKS.parent
sys.path[:0] = [str(NOTEBOOKS), str(NOTEBOOKS / "tests")]
torch.set_num_threads(2)


@dataclass(frozen=True)
class Exported:
    """A shipped model: its ONNX folder, the checkpoint it was exported from, its golden file and
    the size limit it must stay within."""

    world: int
    model_dir: Path
    weights: Path
    golden: Path
    max_bytes: int


EXPORTED = {
    1: Exported(1, ROOT / "public/models/tinyvlm", NOTEBOOKS / "weights/tinyvlm.pt",
                ROOT / "tests/fixtures/tinyvlm-golden.json", 10 * 1024 * 1024),
    2: Exported(2, ROOT / "public/models/tinyvlm2", NOTEBOOKS / "weights/tinyvlm2.pt",
                ROOT / "tests/fixtures/tinyvlm2-golden.json", 15 * 1024 * 1024),
}


@pytest.fixture(scope="session")
def fake_data(tmp_path_factory):
    from fake_scenes import write_fake

    return write_fake(tmp_path_factory.mktemp("fake") / "train", count=12, seed=1, split="train")


def export_test_split(tmp_path_factory, world):
    """The first 4 scenes of a world's test split (world 2's with anyres views), written by the
    project's own exporter."""
    out = tmp_path_factory.mktemp(f"scenes{world}") / "test"
    subprocess.run(
        ["npm", "run", "--silent", "scenes:export", "--", "--world", str(world), "--split", "test", "--count", "4",
         "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return out


@pytest.fixture(scope="session")
def test_split(tmp_path_factory):
    return export_test_split(tmp_path_factory, 1)


@pytest.fixture(scope="session")
def test_split2(tmp_path_factory):
    return export_test_split(tmp_path_factory, 2)
