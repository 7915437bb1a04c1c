"""ONNX Runtime vs PyTorch on fixed test-split scenes (full and pruned token sets), manifest
integrity, and the golden outputs the TypeScript runtime is checked against."""
import hashlib
import json

import numpy as np
import pytest
import torch
from conftest import GOLDEN, MODEL_DIR, WEIGHTS

from export import KEPT, load_checkpoint, run_case, sessions
from tinyvlm.data import TOKENIZER, load_scenes, normalize, tokenize
from tinyvlm.graphs import ReasonerGraph
from tinyvlm.model import N_PATCHES

TOL = 1e-4
SUBSETS = [list(range(N_PATCHES)), KEPT, [97], [5, 6, 7, 20, 21, 150]]


@pytest.fixture(scope="module")
def manifest():
    return json.loads((MODEL_DIR / "manifest.json").read_text())


@pytest.fixture(scope="module")
def onnx():
    return sessions(MODEL_DIR)


@pytest.fixture(scope="module")
def torch_model():
    return load_checkpoint(WEIGHTS)


def test_manifest_matches_files(manifest):
    total = 0
    for entry in manifest["files"].values():
        data = (MODEL_DIR / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        total += len(data)
    assert total <= 10 * 1024 * 1024
    assert len(manifest["vocab"]["answers"]) == manifest["dims"]["answers"]


def test_manifest_tokenizer_gives_the_training_ids(test_split, manifest):
    """The manifest's rule, read by Python's re, numbers the exported questions as the export did."""
    assert manifest["tokenizer"] == TOKENIZER
    words = manifest["vocab"]["words"]
    data = load_scenes(test_split)
    for row, text in enumerate(data.q_text):
        assert tokenize(text, words, manifest["tokenizer"]) == data.q_tokens[row, : data.q_len[row]].tolist(), text
    named = [w for w in words if not w.startswith("<")]
    assert tokenize(" ".join(named).upper(), words, manifest["tokenizer"]) == [words.index(w) for w in named]


@torch.no_grad()
def torch_case(model, pixels, tokens, positions):
    patch_tokens, cls_attn, _ = model.vision(torch.from_numpy(pixels))
    token_embeds = model.text(torch.from_numpy(tokens))
    kept = patch_tokens[:, positions]
    logits, text_attn = ReasonerGraph(model)(kept, torch.tensor([positions]), torch.from_numpy(tokens))
    return {"patch_tokens": patch_tokens, "cls_attn": cls_attn, "token_embeds": token_embeds,
            "logits": logits, "text_attn": text_attn}


def test_onnx_matches_torch(test_split, onnx, torch_model, manifest):
    model, _ = torch_model
    data = load_scenes(test_split)
    pre = manifest["preprocessing"]
    worst = {}
    for s in range(len(data)):
        pixels = normalize(data.images[s : s + 1], pre["mean"], pre["std"]).numpy()
        for row in data.scene_questions[s]:
            tokens = data.q_tokens[row, : data.q_len[row]][None]
            for positions in SUBSETS:
                got = run_case(onnx, pixels, tokens, positions)
                want = torch_case(model, pixels, tokens, positions)
                for name, value in got.items():
                    diff = float(np.abs(value - want[name].numpy()).max())
                    worst[name] = max(worst.get(name, 0.0), diff)
    print("max abs diff", worst)
    assert all(d <= TOL for d in worst.values()), worst


def test_golden_outputs_reproduce(test_split, onnx, manifest):
    golden = json.loads(GOLDEN.read_text())
    assert golden["model"] == {n: f["sha256"] for n, f in manifest["files"].items()}
    data = load_scenes(test_split)
    pre = manifest["preprocessing"]
    for case in golden["cases"]:
        s = int(np.nonzero(data.seeds == case["seed"])[0][0])
        image = np.ascontiguousarray(data.images[s]).tobytes()
        assert hashlib.sha256(image).hexdigest() == case["imageSha256"], "scene pixels changed"
        tokens = np.asarray([case["question"]["tokens"]], dtype=np.int64)
        pixels = normalize(data.images[s : s + 1], pre["mean"], pre["std"]).numpy()
        full = run_case(onnx, pixels, tokens, list(range(N_PATCHES)))
        kept = run_case(onnx, pixels, tokens, case["kept"]["positions"])
        close = lambda got, want: np.testing.assert_allclose(np.ravel(got), want, atol=TOL, rtol=0)
        close(full["patch_tokens"][0, 0, :8], case["patchTokens"]["row0"])
        close(full["patch_tokens"][0, 100, :8], case["patchTokens"]["row100"])
        close(full["cls_attn"].sum(), case["clsAttn"]["sum"])
        assert int(full["cls_attn"].argmax()) == case["clsAttn"]["argmax"]
        close(full["token_embeds"][0, 0, :8], case["tokenEmbeds"]["row0"])
        close(full["logits"], case["full"]["logits"])
        close(kept["logits"], case["kept"]["logits"])
        close(kept["text_attn"], case["kept"]["textAttn"])
