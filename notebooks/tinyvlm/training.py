"""What one training step computes, shared by both worlds' training scripts: the losses of a batch
at full token sets, the learning-rate schedule and the optimizer."""
import math
import random
from pathlib import Path

import numpy as np
import torch

from . import losses

WEIGHTS = {"answer": 1.0, "attention": 0.5, "objects": 0.5, "patches": 1.0, "words": 0.2, "centers": 0.5,
           "patch_words": 1.0, "word_groups": 1.0, "gates": 0.5}


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def step_losses(model, data, b):
    tokens = model.cfg.tokens
    patch_tokens, _, cls = model.vision(b.pixels)
    positions = torch.arange(tokens).expand(len(b.scenes), -1)
    logits, text_attn = model.reasoner(patch_tokens, positions, b.questions, b.last)

    captions = torch.from_numpy(data.o_caption[b.o_rows])
    o_mask = torch.from_numpy(data.o_mask[b.o_rows])
    caption_embeds = model.text(captions)
    q_rows = b.q_rows[b.q_valid.numpy()]
    q_tokens = torch.from_numpy(data.q_tokens[q_rows])
    q_image = torch.nonzero(b.q_valid)[:, 0]
    q_embeds = model.text(q_tokens)
    q_mask = torch.from_numpy(data.q_mask[q_rows])

    words = torch.zeros(len(b.scenes), model.cfg.vocab)
    words[b.o_image.repeat_interleave(captions.shape[1]), captions.flatten()] = 1.0
    words[:, 0] = 0.0
    visible = o_mask.any(1)
    center = torch.zeros(len(b.scenes), tokens)
    center[b.o_image[visible], torch.from_numpy(data.o_center[b.o_rows])[visible]] = 1.0

    scale, bias = model.patch_scale, model.patch_bias
    extra = {}
    if model.patch_words is not None:
        word_logits = model.patch_words(patch_tokens)
        extra["patch_words"] = losses.patch_words(word_logits, o_mask, b.o_image, captions, model.cfg.vocab)
        extra["word_groups"] = losses.patch_word_groups(word_logits, o_mask, b.o_image, captions,
                                                        losses.caption_groups(data.vocab["words"]))
    if model.reasoner.pool is not None:
        extra["gates"] = losses.gates(model.reasoner.gate_logits[b.q_valid], q_mask)
    return {**extra,
        "answer": losses.answer_loss(logits, b.answers, b.q_valid),
        "attention": losses.attention(text_attn[b.q_valid], q_mask),
        "objects": losses.object_contrastive(
            patch_tokens, b.o_image, o_mask, caption_embeds, captions, model.logit_scale
        ),
        "patches": 0.5 * (
            losses.patch_alignment(patch_tokens, b.o_image, caption_embeds, captions, o_mask, scale, bias)
            + losses.patch_alignment(patch_tokens, q_image, q_embeds, q_tokens, q_mask, scale, bias)
        ),
        "words": losses.bag_of_words(model.cls_words(cls), words),
        "centers": losses.centers(model.center(patch_tokens)[..., 0], center),
    }


def lr_at(step, total, peak, warmup):
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def optimizer(model, lr, weight_decay):
    decay = [p for n, p in model.named_parameters() if p.ndim == 2 and "pos" not in n and "embed" not in n]
    rest = [p for n, p in model.named_parameters() if not (p.ndim == 2 and "pos" not in n and "embed" not in n)]
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": weight_decay}, {"params": rest, "weight_decay": 0.0}], lr=lr
    )


def update(model, opt, parts, weights=WEIGHTS):
    """One optimizer step on the weighted sum of the losses (gradients clipped to norm 1)."""
    loss = sum(weights[k] * v for k, v in parts.items())
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    return loss


def save(path, model, extra):
    """Weights and what an export needs (no optimizer state). Written beside and renamed, so a
    run stopped mid-write keeps the previous checkpoint."""
    write(path, {"config": model.cfg.to_dict(), "state": model.state_dict(), **extra})


def write(path, obj):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(obj, path.with_name(path.name + ".tmp"))
    path.with_name(path.name + ".tmp").replace(path)
