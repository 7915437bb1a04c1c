"""Shapes, equivalences the export relies on, and determinism, on an untrained model (fast)."""
import numpy as np
import torch

from tinyvlm.data import load_scenes, make_batch
from tinyvlm.graphs import ReasonerGraph
from tinyvlm.model import N_PATCHES, Config, TinyVLM
from tinyvlm.training import optimizer, seed_everything, step_losses, update

MEAN, STD = [0.5, 0.5, 0.5], [0.25, 0.25, 0.25]


def model(seed=0):
    torch.manual_seed(seed)
    return TinyVLM(Config(vocab=20, answers=19)).eval()


def test_vision_shapes_and_cls_attention():
    m = model()
    patch_tokens, cls_attn, cls = m.vision(torch.randn(2, 3, 224, 224))
    assert patch_tokens.shape == (2, N_PATCHES, 128) and cls_attn.shape == (2, N_PATCHES) and cls.shape == (2, 128)
    # Heads averaged over a softmax that also covers [CLS] itself: positive, summing below 1.
    assert (cls_attn > 0).all() and (cls_attn.sum(-1) < 1).all()


def test_cls_only_last_layer_equals_full_layer():
    m = model()
    x = torch.randn(1, 3, 224, 224)
    v = m.vision
    h = v.patchify(x).flatten(2).transpose(1, 2)
    h = torch.cat([v.cls.expand(1, -1, -1), h], dim=1) + v.pos
    for block in v.blocks[:-1]:
        h, _ = block(h)
    full, probs = v.blocks[-1](h)
    _, cls_attn, cls = v(x)
    torch.testing.assert_close(cls, v.cls_norm(full[:, 0]), atol=1e-5, rtol=0)
    torch.testing.assert_close(cls_attn, probs[:, :, 0, 1:].mean(1), atol=1e-6, rtol=0)


def test_text_padding_does_not_change_real_tokens():
    m = model()
    tokens = torch.tensor([[3, 4, 5, 6]])
    padded = torch.tensor([[3, 4, 5, 6, 0, 0, 0]])
    torch.testing.assert_close(m.text(padded)[:, :4], m.text(tokens), atol=1e-5, rtol=0)


def test_batched_questions_equal_single_questions():
    """Training scores every question of an image against one visual pass; the exported graph
    takes one question at a time. Both must compute the same function."""
    m = model()
    k = 37
    visual = torch.randn(1, k, 128)
    positions = torch.randperm(N_PATCHES)[:k].sort().values[None]
    questions = torch.tensor([[[1, 2, 3, 0, 0], [4, 5, 6, 7, 8], [9, 0, 0, 0, 0]]])
    last = torch.tensor([[2, 4, 0]])
    logits, text_attn = m.reasoner(visual, positions, questions, last)
    graph = ReasonerGraph(m)
    for q in range(3):
        single = questions[0, q, : last[0, q] + 1][None]
        l1, a1 = graph(visual, positions, single)
        torch.testing.assert_close(l1, logits[:, q], atol=1e-5, rtol=0)
        torch.testing.assert_close(a1, text_attn[:, q], atol=1e-6, rtol=0)
        assert torch.isfinite(l1).all()


def test_reasoner_accepts_any_token_count():
    graph = ReasonerGraph(model())
    for k in (1, 2, 50, N_PATCHES):
        logits, text_attn = graph(torch.randn(1, k, 128), torch.arange(k)[None], torch.tensor([[1, 2, 3]]))
        assert logits.shape == (1, 19) and text_attn.shape == (1, k)
        assert torch.isfinite(logits).all() and (text_attn >= 0).all()


def test_dataset_batches(fake_data):
    data = load_scenes(fake_data)
    b = make_batch(data, [3, 0, 5], MEAN, STD)
    assert b.pixels.shape == (3, 3, 224, 224)
    want = (data.images[0].astype(np.float32) / 255 - 0.5) / 0.25
    np.testing.assert_allclose(b.pixels[1].permute(1, 2, 0).numpy(), want, atol=1e-6)
    for i, s in enumerate([3, 0, 5]):
        n = len(data.scene_questions[s])
        assert b.q_valid[i].sum() == n
        assert (b.answers[i, :n].numpy() == data.q_answer[data.scene_questions[s]]).all()


def test_training_step_is_deterministic(fake_data):
    data = load_scenes(fake_data)
    results = []
    for _ in range(2):
        seed_everything(0)
        m = TinyVLM(Config(vocab=20, answers=19, dim=64, mlp=128))
        opt = optimizer(m, 1e-3, 0.05)
        for step in range(2):
            parts = step_losses(m, data, make_batch(data, [step, step + 2, step + 4], MEAN, STD))
            loss = update(m, opt, parts)
        assert all(torch.isfinite(v) for v in parts.values())
        results.append(loss.item())
    assert results[0] == results[1]
