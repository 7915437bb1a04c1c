"""TinyVLM modules. Attention is written out with MatMul/Softmax so the ONNX graphs use only plain
ops that onnxruntime-web runs on both its WASM and WebGPU execution providers."""
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

GRID = 14  # world 1: 224 px; world 2 sets Config.grid = 24 (384 px, LLaVA-1.5's 576 tokens)
PATCH = 16
IMAGE = GRID * PATCH
N_PATCHES = GRID * GRID
ANYRES_VIEWS = 5  # LLaVA-NeXT's layout: a base view, then 2x2 tiles of the image at twice the size
NEG = -1e9  # additive mask value; finite so fully-masked rows stay NaN-free


@dataclass
class Config:
    vocab: int
    answers: int
    dim: int = 128
    heads: int = 4
    mlp: int = 256
    vision_layers: int = 5  # patch tokens come from layer vision_layers - 1 (penultimate)
    text_layers: int = 2
    reasoner_layers: int = 3
    max_text: int = 32
    grid: int = GRID
    patch: int = PATCH
    # The reasoner also accepts anyres positions (ANYRES_VIEWS x grid^2 token ids); see anyres_cells.
    anyres: bool = False
    # Visual tokens attend to each other in the reasoner (LLaVA's causal order). Without it each
    # attends only to itself, so the reasoner's cost is linear in the visual tokens.
    visual_mixing: bool = True
    # "conv": four stride-2 3x3 convolutions (receptive field 31 px) instead of one linear 16x16
    # patch projection, so a token sees sub-patch detail (5x7 glyphs, one-patch shapes) across
    # patch borders. World 2 uses it; world 1's export keeps "linear".
    stem: str = "linear"
    # The reasoner adds a gated *sum* over the visual tokens to the answer head: softmax attention
    # averages, and a count or an existence check needs a total.
    gated_pool: bool = False
    # Per patch, a head predicts the caption words of the object drawn on top there: dense labels
    # that teach colour, shape, size and glyph at every token from the first steps.
    dense_words: bool = False

    @property
    def tokens(self):
        return self.grid * self.grid

    @property
    def image(self):
        return self.grid * self.patch

    def to_dict(self):
        return asdict(self)


def split_heads(x, heads):
    *lead, n, d = x.shape
    return x.reshape(*lead, n, heads, d // heads).transpose(-2, -3)


def merge_heads(x):
    *lead, h, n, dh = x.shape
    return x.transpose(-2, -3).reshape(*lead, n, h * dh)


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    """Pre-LN transformer block. `forward` returns the new states and the attention probabilities."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.heads = cfg.heads
        self.ln1 = nn.LayerNorm(cfg.dim)
        self.qkv = nn.Linear(cfg.dim, 3 * cfg.dim)
        self.out = nn.Linear(cfg.dim, cfg.dim)
        self.ln2 = nn.LayerNorm(cfg.dim)
        self.mlp = Mlp(cfg.dim, cfg.mlp)

    def project(self, x):
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        return split_heads(q, self.heads), split_heads(k, self.heads), split_heads(v, self.heads)

    def scale(self, q):
        return q * (q.shape[-1] ** -0.5)

    def finish(self, x, ctx):
        x = x + self.out(merge_heads(ctx))
        return x + self.mlp(self.ln2(x))

    def forward(self, x, bias=None):
        q, k, v = self.project(x)
        scores = self.scale(q) @ k.transpose(-1, -2)
        if bias is not None:
            scores = scores + bias
        probs = scores.softmax(dim=-1)
        return self.finish(x, probs @ v), probs

    def fused(self, x):
        """The same layer through PyTorch's fused attention, without the attention map: for
        training only, where no map is read (about twice as fast a training step on our CPUs);
        evaluation and export keep `forward`, so the ONNX graphs stay plain MatMul/Softmax."""
        q, k, v = self.project(x)
        return self.finish(x, F.scaled_dot_product_attention(q, k, v))


def anyres_cells(grid):
    """For each anyres token id (base view first, then the tiles in raster order, grid^2 each), the
    base-view patch it lies in: a tile's patch covers a quarter of a base patch. The reasoner embeds
    an anyres token at that cell, so every position it sees is one it was trained on."""
    ids = torch.arange(ANYRES_VIEWS * grid * grid)
    view, rest = ids // (grid * grid), ids % (grid * grid)
    row, col = rest // grid, rest % grid
    tile = (view - 1).clamp(min=0)
    tile_row, tile_col = tile // 2, tile % 2
    tiled = ((tile_row * grid + row) // 2) * grid + (tile_col * grid + col) // 2
    return torch.where(view == 0, rest, tiled)


def anyres_layout(grid):
    """The token order anyres_cells reads, as the views of a token file's layout
    (src/tokens/format.ts): the base view, then the 2x2 tiles in raster order; each box is
    [x0, y0, x1, y1] in image fractions."""
    tiles = [{"name": f"tile-{r}-{c}", "grid": [grid, grid], "box": [c / 2, r / 2, (c + 1) / 2, (r + 1) / 2]}
             for r in (0, 1) for c in (0, 1)]
    return {"views": [{"name": "base", "grid": [grid, grid], "box": [0, 0, 1, 1]}, *tiles]}


def conv_stem(dim):
    """384 px -> 24x24 tokens in four stride-2 steps (16 px per token, as the linear patchify)."""
    widths = [3, 16, 32, 64]
    layers = []
    for cin, cout in zip(widths, widths[1:]):
        layers += [nn.Conv2d(cin, cout, 3, stride=2, padding=1), nn.GELU()]
    return nn.Sequential(*layers, nn.Conv2d(widths[-1], dim, 3, stride=2, padding=1))


class VisionEncoder(nn.Module):
    """ViT-Tiny-ish: patch 16, [CLS] + grid^2 patch tokens (196 on world 1's 224 px, 576 on 384)."""

    def __init__(self, cfg: Config):
        super().__init__()
        assert cfg.stem in ("linear", "conv") and (cfg.stem == "linear" or cfg.patch == 16)
        self.patchify = (nn.Conv2d(3, cfg.dim, kernel_size=cfg.patch, stride=cfg.patch) if cfg.stem == "linear"
                         else conv_stem(cfg.dim))
        self.cls = nn.Parameter(torch.zeros(1, 1, cfg.dim))
        self.pos = nn.Parameter(torch.randn(1, cfg.tokens + 1, cfg.dim) * 0.02)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.vision_layers))
        self.patch_norm = nn.LayerNorm(cfg.dim)
        self.cls_norm = nn.LayerNorm(cfg.dim)

    def forward(self, pixels):
        """pixels [B,3,S,S] normalized -> (patch_tokens [B,N,D], cls_attn [B,N], cls [B,D]), N = grid^2."""
        x = self.patchify(pixels).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        for block in self.blocks[:-1]:
            x = block.fused(x) if self.training else block(x)[0]
        patch_tokens = self.patch_norm(x[:, 1:])
        # The last layer matters only through [CLS] (its attention map and pooled output), so only
        # the [CLS] query row is evaluated: identical to a full layer's [CLS] row, N+1 times cheaper.
        last = self.blocks[-1]
        q, k, v = last.project(x)
        probs = (last.scale(q[:, :, :1]) @ k.transpose(-1, -2)).softmax(dim=-1)
        cls = last.finish(x[:, :1], probs @ v)[:, 0]
        cls_attn = probs[:, :, 0, 1:].mean(dim=1)
        return patch_tokens, cls_attn, self.cls_norm(cls)


class TextEncoder(nn.Module):
    """Word embeddings + small bidirectional transformer; outputs live in the patch-token space."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.embed = nn.Embedding(cfg.vocab, cfg.dim)
        self.pos = nn.Parameter(torch.randn(cfg.max_text, cfg.dim) * 0.02)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.text_layers))
        self.norm = nn.LayerNorm(cfg.dim)

    def forward(self, tokens):
        """tokens [B,L] (0 = pad, padded at the end) -> token_embeds [B,L,D]."""
        x = self.embed(tokens) + self.pos[: tokens.shape[1]]
        pad = (tokens == 0)[:, None, None, :].to(x.dtype) * NEG
        for block in self.blocks:
            x, _ = block(x, pad)
        return self.norm(x)


class Reasoner(nn.Module):
    """Causal decoder over [projected visual tokens ; question tokens], as in LLaVA.

    Visual states never see the question (causal order), so training runs the visual part once per
    image and every question of that image attends to it: questions have shape [B,Q,L]. Export
    uses the same code with B = Q = 1."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.projector = nn.Sequential(nn.Linear(cfg.dim, cfg.dim), nn.GELU(), nn.Linear(cfg.dim, cfg.dim))
        self.visual_pos = nn.Parameter(torch.randn(cfg.tokens, cfg.dim) * 0.02)
        # Not saved: derived from the grid, so checkpoints hold learned weights only.
        self.register_buffer("cells", anyres_cells(cfg.grid) if cfg.anyres else None, persistent=False)
        self.embed = nn.Embedding(cfg.vocab, cfg.dim)
        self.text_pos = nn.Parameter(torch.randn(cfg.max_text, cfg.dim) * 0.02)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.reasoner_layers))
        self.norm = nn.LayerNorm(cfg.dim)
        self.head = nn.Linear(cfg.dim, cfg.answers)
        self.visual_mixing = cfg.visual_mixing
        self.pool = GatedPool(cfg.dim) if cfg.gated_pool else None

    @staticmethod
    def causal_bias(n, like):
        idx = torch.arange(n, device=like.device)
        return (idx[None, :] > idx[:, None]).to(like.dtype) * NEG

    def forward(self, visual, positions, question, last):
        """visual [B,k,D], positions [B,k] (patch ids, or anyres token ids when cfg.anyres), question
        [B,Q,L], last [B,Q] index of each question's last token -> logits [B,Q,A], text_attn [B,Q,k]
        (layer-2 attention of the last token). With a gated pool, `self.gate_logits` keeps the
        gates' logits [B,Q,k] of the last call for the training loss."""
        if self.cells is not None:
            positions = self.cells[positions]
        v = self.projector(visual) + F.embedding(positions, self.visual_pos)
        t = self.embed(question) + self.text_pos[: question.shape[-1]]
        v_bias = self.causal_bias(v.shape[1], v) if self.visual_mixing else None
        t_bias = self.causal_bias(t.shape[-2], t)
        pick = last[:, :, None, None, None].expand(-1, -1, self.blocks[0].heads, 1, v.shape[1])
        text_attn = None
        for i, block in enumerate(self.blocks):
            vq, vk, vv = block.project(v)  # [B,H,k,dh]
            tq, tk, tv = block.project(t)  # [B,Q,H,L,dh]
            # Without visual mixing a visual token attends to itself alone: its context is its value.
            vp = (block.scale(vq) @ vk.transpose(-1, -2) + v_bias).softmax(dim=-1) if self.visual_mixing else None
            tq = block.scale(tq)
            to_v = tq @ vk.unsqueeze(1).transpose(-1, -2)  # [B,Q,H,L,k]
            to_t = tq @ tk.transpose(-1, -2) + t_bias  # [B,Q,H,L,L]
            tp = torch.cat([to_v, to_t], dim=-1).softmax(dim=-1)
            tp_v, tp_t = tp[..., : v.shape[1]], tp[..., v.shape[1]:]
            if i == 1:
                text_attn = tp_v.gather(3, pick)[:, :, :, 0].mean(dim=2)
            t_ctx = tp_v @ vv.unsqueeze(1) + tp_t @ tv
            v = block.finish(v, vv if vp is None else vp @ vv)
            t = block.finish(t, t_ctx)
        idx = last[:, :, None, None].expand(-1, -1, 1, t.shape[-1])
        query = t.gather(2, idx)[:, :, 0]
        final = self.norm(query)
        if self.pool is not None:
            pooled, self.gate_logits = self.pool(query, v)
            final = final + pooled
        return self.head(final), text_attn


class GatedPool(nn.Module):
    """sum_i sigmoid(q . k_i + b) v_i over the visual tokens, read by the question's last state.
    Unnormalized, so the total grows with the number of matching tokens (counts, existence);
    trained to open on the question's mask. Linear in the visual tokens."""

    def __init__(self, dim):
        super().__init__()
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.bias = nn.Parameter(torch.tensor(-3.0))
        self.out = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, dim), nn.GELU(), nn.Linear(dim, dim))

    def forward(self, query, visual):
        """query [B,Q,D], visual [B,k,D] -> (pooled [B,Q,D], gate logits [B,Q,k])."""
        logits = self.q(query) @ self.k(visual).transpose(-1, -2) * (query.shape[-1] ** -0.5) + self.bias
        # Divided by 8 so a few dozen open gates stay in the LayerNorm's comfortable range.
        total = logits.sigmoid() @ self.v(visual) / 8.0
        return self.out(total), logits


class TinyVLM(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.vision = VisionEncoder(cfg)
        self.text = TextEncoder(cfg)
        self.reasoner = Reasoner(cfg)
        # CLIP-style learned temperatures (log scale) and a bias for the per-patch sigmoid loss.
        self.logit_scale = nn.Parameter(torch.tensor(2.66))
        self.patch_scale = nn.Parameter(torch.tensor(2.3))
        self.patch_bias = nn.Parameter(torch.tensor(-2.0))
        # [CLS] predicts the bag of caption words in the scene, which teaches the last layer's
        # [CLS] attention to look at objects (the signal FasterVLM-style pruners read).
        self.cls_words = nn.Linear(cfg.dim, cfg.vocab)
        # Per patch: does an object's centre lie here. One hit per object makes patch tokens
        # carry the object-instance signal that counting questions need.
        self.center = nn.Linear(cfg.dim, 1)
        self.patch_words = nn.Linear(cfg.dim, cfg.vocab) if cfg.dense_words else None
