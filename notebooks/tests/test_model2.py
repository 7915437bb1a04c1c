"""TinyVLM 2 (world 2: 24x24 grid, anyres positions, linear reasoner) on tiny configs: shapes,
positions, determinism, and that --resume continues exactly (fast)."""
import json

import numpy as np
import pytest
import torch

import train2
from tinyvlm.data import load_scenes, make_batch, read_rows
from tinyvlm.graphs import ReasonerGraph
from tinyvlm.model import ANYRES_VIEWS, Config, TinyVLM, anyres_cells
from tinyvlm.training import optimizer, seed_everything, step_losses, update

MEAN, STD = [0.5, 0.5, 0.5], [0.25, 0.25, 0.25]
TINY = ["--dim", "32", "--heads", "2", "--vision-layers", "2", "--reasoner-layers", "2", "--batch", "2",
        "--warmup", "2", "--val-limit", "2", "--log-every", "1"]


def model(seed=0):
    torch.manual_seed(seed)
    cfg = Config(vocab=20, answers=19, dim=32, heads=2, mlp=64, vision_layers=3, grid=24, anyres=True,
                 visual_mixing=False)
    return TinyVLM(cfg).eval()


@pytest.fixture(scope="module")
def fake2(tmp_path_factory):
    from fake_scenes import write_fake2

    root = tmp_path_factory.mktemp("fake2")
    return write_fake2(root / "train", count=10, seed=1), write_fake2(root / "validation", count=4, seed=2)


def test_grid_24_shapes():
    m = model()
    patch_tokens, cls_attn, cls = m.vision(torch.randn(2, 3, 384, 384))
    assert patch_tokens.shape == (2, 576, 32) and cls_attn.shape == (2, 576) and cls.shape == (2, 32)
    assert (cls_attn > 0).all() and (cls_attn.sum(-1) < 1).all()


def test_anyres_cells_place_tiles_in_the_base_view():
    cells = anyres_cells(24)
    assert cells.shape == (ANYRES_VIEWS * 576,)
    assert torch.equal(cells[:576], torch.arange(576))  # the base view is itself
    # Tile (row 1, col 1) = view 4; its first patch lies in the base view's centre cell (12, 12).
    assert cells[4 * 576] == 12 * 24 + 12 and cells[4 * 576 + 1] == 12 * 24 + 12 and cells[4 * 576 + 2] == 12 * 24 + 13
    # Every base cell holds exactly the 2x2 tile patches under it.
    assert torch.equal(torch.bincount(cells[576:], minlength=576), torch.full((576,), 4))


def test_reasoner_takes_576_and_2880_tokens_and_ignores_token_order():
    m = model()
    graph = ReasonerGraph(m)
    question = torch.tensor([[1, 2, 3]])
    for k in (1, 576, ANYRES_VIEWS * 576):
        logits, text_attn = graph(torch.randn(1, k, 32), torch.arange(k)[None], question)
        assert logits.shape == (1, 19) and text_attn.shape == (1, k) and torch.isfinite(logits).all()
    # Visual tokens do not attend to each other, so their order (with their positions) is irrelevant.
    visual, positions = torch.randn(1, 40, 32), torch.randperm(ANYRES_VIEWS * 576)[:40][None]
    perm = torch.randperm(40)
    a, attn_a = graph(visual, positions, question)
    b, attn_b = graph(visual[:, perm], positions[:, perm], question)
    torch.testing.assert_close(a, b, atol=1e-5, rtol=0)
    torch.testing.assert_close(attn_a[:, perm], attn_b, atol=1e-6, rtol=0)


def test_batched_questions_equal_single_questions():
    m = model()
    visual, positions = torch.randn(1, 30, 32), torch.randperm(576)[:30].sort().values[None]
    questions = torch.tensor([[[1, 2, 3, 0], [4, 5, 6, 7]]])
    logits, text_attn = m.reasoner(visual, positions, questions, torch.tensor([[2, 3]]))
    graph = ReasonerGraph(m)
    for q, single in enumerate([questions[:, 0, :3], questions[:, 1]]):
        l1, a1 = graph(visual, positions, single)
        torch.testing.assert_close(l1, logits[:, q], atol=1e-5, rtol=0)
        torch.testing.assert_close(a1, text_attn[:, q], atol=1e-6, rtol=0)


def test_fused_training_attention_equals_the_explicit_layers():
    # Training runs the vision layers whose attention map nobody reads through fused attention;
    # evaluation and export run the explicit MatMul/Softmax. Same outputs and gradients.
    m = model()
    pixels = torch.randn(2, 3, 384, 384)
    results = []
    for training in (False, True):
        m.zero_grad()
        m.vision.train(training)
        patch_tokens, cls_attn, cls = m.vision(pixels)
        (patch_tokens.square().mean() + cls_attn.sum() + cls.sum()).backward()
        results.append(([patch_tokens.detach(), cls_attn.detach(), cls.detach()], [p.grad.clone() for p in m.vision.parameters()]))
    (explicit, explicit_grads), (fused, fused_grads) = results
    assert all(torch.allclose(a, b, atol=1e-5, rtol=1e-4) for a, b in zip(explicit, fused))
    assert all(torch.allclose(a, b, atol=1e-5, rtol=1e-4) for a, b in zip(explicit_grads, fused_grads))


def test_rows_read_with_pread_equal_the_memory_map(fake2):
    images = load_scenes(fake2[0]).images
    rows = np.array([7, 0, 3, 3, 9])
    assert isinstance(images, np.memmap)
    assert np.array_equal(read_rows(images, rows), images[rows])


def test_training_steps_are_deterministic(fake2):
    data = load_scenes(fake2[0])
    assert data.grid == 24 and data.types[0] == "attribute" and data.q_mask.shape[1] == 576
    runs = []
    for _ in range(2):
        seed_everything(0)
        m = model().train()
        opt = optimizer(m, 1e-3, 0.05)
        for step in range(2):
            parts = step_losses(m, data, make_batch(data, [step, step + 3], MEAN, STD))
            update(m, opt, parts)
        runs.append([p.detach().clone() for p in m.parameters()])
        assert all(torch.isfinite(v) for v in parts.values())
    assert all(torch.equal(a, b) for a, b in zip(*runs))


def test_resume_equals_an_uninterrupted_run(fake2, tmp_path):
    train, val = (str(p) for p in fake2)
    common = ["--train", train, "--val", val, "--steps", "4", *TINY]
    train2.main([*common, "--out", str(tmp_path / "a" / "m.pt")])
    # --minutes 0 stops after one step, with a checkpoint; each resume then continues it.
    b = str(tmp_path / "b" / "m.pt")
    train2.main([*common, "--out", b, "--minutes", "0"])
    train2.main([*common, "--out", b, "--minutes", "0", "--resume"])
    train2.main([*common, "--out", b, "--resume"])
    a_ckpt, b_ckpt = (torch.load(tmp_path / d / "m.pt", weights_only=False) for d in "ab")
    assert a_ckpt["training"]["steps"] == b_ckpt["training"]["steps"] == 4
    for name, tensor in a_ckpt["state"].items():
        assert torch.equal(tensor, b_ckpt["state"][name]), name
    a_log, b_log = (json.loads((tmp_path / d / "m.train.json").read_text()) for d in "ab")
    losses = [[{k: v for k, v in e.items() if k not in ("minutes", "scenesPerSecond")} for e in log["curve"]]
              for log in (a_log, b_log)]
    assert losses[0] == losses[1] and [e["step"] for e in losses[0]] == [1, 2, 3, 4]
    metrics = json.loads((tmp_path / "b" / "m.metrics.json").read_text())["validation"]
    assert set(metrics["byType"]) <= set(load_scenes(val).types)
    assert all(0 < v["chance"] <= 1 for v in metrics["byType"].values())


def test_resume_refuses_another_schedule(fake2, tmp_path):
    train, val = (str(p) for p in fake2)
    out = str(tmp_path / "m.pt")
    train2.main(["--train", train, "--val", val, "--steps", "2", *TINY, "--out", out, "--minutes", "0"])
    with pytest.raises(SystemExit):
        train2.main(["--train", train, "--val", val, "--steps", "3", *TINY, "--out", out, "--resume"])
    assert np.isfinite(json.loads((tmp_path / "m.train.json").read_text())["curve"][0]["answer"])


def test_extension_warm_restarts_and_resumes_like_one_run(fake2, tmp_path):
    train, val = (str(p) for p in fake2)
    common = ["--train", train, "--val", val, "--steps", "2", *TINY, "--log-every", "1"]
    extend = ["--resume", "--extend-to", "5", "--restart-lr", "3e-4", "--restart-warmup", "2"]
    for d in "ab":
        train2.main([*common, "--out", str(tmp_path / d / "m.pt")])
    train2.main([*common, *extend, "--out", str(tmp_path / "a" / "m.pt")])
    # b stops after each step and resumes with the same flags: the restart is recorded once.
    for _ in range(2):
        train2.main([*common, *extend, "--out", str(tmp_path / "b" / "m.pt"), "--minutes", "0"])
    train2.main([*common, *extend, "--out", str(tmp_path / "b" / "m.pt")])
    a_log, b_log = (json.loads((tmp_path / d / "m.train.json").read_text()) for d in "ab")
    assert a_log["extensions"] == b_log["extensions"] == [{"from": 2, "steps": 5, "lr": 3e-4, "warmup": 2}]
    assert [e["lr"] for e in a_log["curve"]] == [e["lr"] for e in b_log["curve"]]
    assert [e["step"] for e in a_log["curve"]] == [1, 2, 3, 4, 5]
    assert a_log["curve"][2]["lr"] == pytest.approx(1.5e-4)  # step 3 = first restart step, warmup 1 of 2
    a_ckpt, b_ckpt = (torch.load(tmp_path / d / "m.pt", weights_only=False) for d in "ab")
    assert a_ckpt["training"]["totalSteps"] == 5
    for name, tensor in a_ckpt["state"].items():
        assert torch.equal(tensor, b_ckpt["state"][name]), name
    with pytest.raises(SystemExit):
        train2.main([*common, "--out", str(tmp_path / "c" / "m.pt"), "--extend-to", "5"])
