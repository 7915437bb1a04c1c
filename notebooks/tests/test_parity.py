"""Each shipped TinyVLM (world 1's, and TinyVLM 2): ONNX Runtime vs PyTorch on fixed test-split
scenes — every token, pruned sets and, for TinyVLM 2, anyres token ids up to 2,879 — manifest
integrity and size, and the golden outputs the TypeScript runtime is checked against."""
import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pytest
import torch
from conftest import EXPORTED, Exported

from export import (anyres_positions, embed, encode, encode_anyres, kept_positions, load_checkpoint, reason,
                    sessions, sha256, world_of)
from tinyvlm.data import TOKENIZER, Scenes, anyres_images, load_scenes, normalize, tokenize
from tinyvlm.graphs import ReasonerGraph
from tinyvlm.model import ANYRES_VIEWS, TinyVLM, anyres_cells

TOL = 1e-4


@dataclass
class Shipped:
    exported: Exported
    manifest: dict
    onnx: dict
    model: TinyVLM
    data: Scenes  # the world's first test-split scenes


@pytest.fixture(scope="module", params=sorted(EXPORTED), ids=lambda w: f"world{w}")
def shipped(request):
    e = EXPORTED[request.param]
    split = request.getfixturevalue("test_split" if e.world == 1 else "test_split2")
    model, _ = load_checkpoint(e.weights)
    return Shipped(e, json.loads((e.model_dir / "manifest.json").read_text()), sessions(e.model_dir), model,
                   load_scenes(split))


def subsets(cfg):
    """(anyres, positions) pairs: every token, every 10th, one, a few scattered; for an anyres
    model also ids in every view up to the last, each view's first token, and a few in the tiles."""
    n, total = cfg.tokens, ANYRES_VIEWS * cfg.tokens
    out = [(False, p) for p in (list(range(n)), kept_positions(cfg), [97], [5, 6, 7, 20, 21, 150])]
    if cfg.anyres:
        out += [(True, p) for p in (anyres_positions(cfg), [total - 1], list(range(0, total, n)),
                                    [n + 5, 2 * n + 300, 3 * n + 47, total - 2])]
    return out


def pixels_of(s: Shipped, images):
    pre = s.manifest["preprocessing"]
    return normalize(images, pre["mean"], pre["std"]).numpy()


def test_manifest_matches_files(shipped):
    s = shipped
    total = 0
    for entry in s.manifest["files"].values():
        data = (s.exported.model_dir / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        total += len(data)
    assert total <= s.exported.max_bytes
    assert len(s.manifest["vocab"]["answers"]) == s.manifest["dims"]["answers"]


def test_manifest_describes_the_checkpoint(shipped):
    s = shipped
    cfg, dims = s.model.cfg, s.manifest["dims"]
    assert s.manifest.get("world", 1) == s.exported.world == world_of(cfg)
    assert (dims["grid"], dims["patch"], dims["tokens"], dims["D"]) == ([cfg.grid, cfg.grid], cfg.patch, cfg.tokens, cfg.dim)
    assert s.manifest["vocab"]["questionTypes"] == s.data.types
    assert ("anyres" in dims) == cfg.anyres


def test_manifest_anyres_layout_is_the_reasoners(shipped):
    """Each anyres id's view and cell, read from the manifest's layout, lies in the base-view cell
    the reasoner embeds it at (anyres_cells)."""
    cfg, dims = shipped.model.cfg, shipped.manifest["dims"]
    if not cfg.anyres:
        pytest.skip("world 1's model takes patch ids only")
    g = cfg.grid
    cells = []
    for view in dims["anyres"]["layout"]["views"]:
        (rows, cols), (x0, y0, x1, y1) = view["grid"], view["box"]
        for r in range(rows):
            for c in range(cols):
                x, y = x0 + (c + 0.5) / cols * (x1 - x0), y0 + (r + 0.5) / rows * (y1 - y0)
                cells.append(int(y * g) * g + int(x * g))
    assert dims["anyres"]["tokens"] == len(cells) == ANYRES_VIEWS * cfg.tokens
    assert cells == anyres_cells(g).tolist()


def test_manifest_tokenizer_gives_the_training_ids(shipped):
    """The manifest's rule, read by Python's re, numbers the exported questions as the export did."""
    manifest, data = shipped.manifest, shipped.data
    assert manifest["tokenizer"] == TOKENIZER
    words = manifest["vocab"]["words"]
    for row, text in enumerate(data.q_text):
        assert tokenize(text, words, manifest["tokenizer"]) == data.q_tokens[row, : data.q_len[row]].tolist(), text
    named = [w for w in words if not w.startswith("<")]
    assert tokenize(" ".join(named).upper(), words, manifest["tokenizer"]) == [words.index(w) for w in named]


@torch.no_grad()
def torch_encode(model, pixels):
    patch_tokens, cls_attn, _ = model.vision(torch.from_numpy(pixels))
    return patch_tokens.numpy(), cls_attn.numpy()


@torch.no_grad()
def torch_reason(model, pool, positions, tokens):
    logits, text_attn = ReasonerGraph(model)(torch.from_numpy(pool[:, positions]), torch.tensor([positions]),
                                             torch.from_numpy(tokens))
    return logits.numpy(), text_attn.numpy()


def test_onnx_matches_torch(shipped):
    s = shipped
    cfg = s.model.cfg
    views = anyres_images(s.data)
    assert views is not None or not cfg.anyres
    worst = {}

    def note(name, got, want):
        worst[name] = max(worst.get(name, 0.0), float(np.abs(got - want).max()))

    for i in range(len(s.data)):
        pixels = pixels_of(s, s.data.images[i : i + 1])
        (got_tokens, got_cls), (want_tokens, want_cls) = encode(s.onnx, pixels), torch_encode(s.model, pixels)
        note("patch_tokens", got_tokens, want_tokens)
        note("cls_attn", got_cls, want_cls)
        pools = {False: (got_tokens, want_tokens)}
        if cfg.anyres:
            anyres = pixels_of(s, views[i])
            pools[True] = (encode_anyres(s.onnx, anyres), torch_encode(s.model, anyres)[0].reshape(1, -1, cfg.dim))
            note("anyres_tokens", *pools[True])
        for row in s.data.scene_questions[i]:
            tokens = s.data.q_tokens[row, : s.data.q_len[row]][None]
            with torch.no_grad():
                note("token_embeds", embed(s.onnx, tokens), s.model.text(torch.from_numpy(tokens)).numpy())
            for anyres, positions in subsets(cfg):
                got_pool, want_pool = pools[anyres]
                got, want = reason(s.onnx, got_pool, positions, tokens), torch_reason(s.model, want_pool, positions, tokens)
                for name, g, w in zip(("logits", "text_attn"), got, want):
                    note(f"{name} ({'anyres' if anyres else 'view'})", g, w)
    print(f"world {s.exported.world}: max abs diff", worst)
    assert len(worst) == (8 if cfg.anyres else 5), worst
    assert all(d <= TOL for d in worst.values()), worst


def test_golden_outputs_reproduce(shipped):
    s = shipped
    cfg = s.model.cfg
    golden = json.loads(s.exported.golden.read_text())
    assert golden["model"] == {n: f["sha256"] for n, f in s.manifest["files"].items()}
    views = anyres_images(s.data)
    close = lambda got, want: np.testing.assert_allclose(np.ravel(got), want, atol=TOL, rtol=0)
    for case in golden["cases"]:
        i = int(np.nonzero(s.data.seeds == case["seed"])[0][0])
        assert sha256(s.data.images[i]) == case["imageSha256"], "scene pixels changed"
        tokens = np.asarray([case["question"]["tokens"]], dtype=np.int64)
        patch_tokens, cls_attn = encode(s.onnx, pixels_of(s, s.data.images[i : i + 1]))
        close(patch_tokens[0, 0, :8], case["patchTokens"]["row0"])
        close(patch_tokens[0, 100, :8], case["patchTokens"]["row100"])
        close(cls_attn.sum(), case["clsAttn"]["sum"])
        assert int(cls_attn.argmax()) == case["clsAttn"]["argmax"]
        close(embed(s.onnx, tokens)[0, 0, :8], case["tokenEmbeds"]["row0"])
        close(reason(s.onnx, patch_tokens, list(range(cfg.tokens)), tokens)[0], case["full"]["logits"])
        logits, text_attn = reason(s.onnx, patch_tokens, case["kept"]["positions"], tokens)
        close(logits, case["kept"]["logits"])
        close(text_attn, case["kept"]["textAttn"])
        assert ("anyres" in case) == cfg.anyres
        if cfg.anyres:
            assert sha256(views[i]) == case["anyres"]["imagesSha256"], "anyres views changed"
            pool = encode_anyres(s.onnx, pixels_of(s, views[i]))
            logits, text_attn = reason(s.onnx, pool, case["anyres"]["positions"], tokens)
            assert max(case["anyres"]["positions"]) == ANYRES_VIEWS * cfg.tokens - 1
            close(logits, case["anyres"]["logits"])
            close(text_attn, case["anyres"]["textAttn"])
