"""Trains TinyVLM on SynthScenes exports, deterministically from a fixed seed.

  python notebooks/train.py --train DIR --val DIR --test DIR --epochs 4 --out notebooks/weights/tinyvlm.pt

Writes the checkpoint after every epoch (so an export can be made while training goes on) and,
at the end, validation and test metrics beside it (<out>.metrics.json)."""
import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch

from tinyvlm import losses
from tinyvlm.data import channel_stats, load_scenes, make_batch
from tinyvlm.evaluate import answer_sets, predict, report
from tinyvlm.model import N_PATCHES, Config, TinyVLM

WEIGHTS = {"answer": 1.0, "attention": 0.5, "objects": 0.5, "patches": 1.0, "words": 0.2, "centers": 0.5}


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def step_losses(model, data, b):
    patch_tokens, _, cls = model.vision(b.pixels)
    positions = torch.arange(N_PATCHES).expand(len(b.scenes), -1)
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
    center = torch.zeros(len(b.scenes), N_PATCHES)
    center[b.o_image[visible], torch.from_numpy(data.o_center[b.o_rows])[visible]] = 1.0

    scale, bias = model.patch_scale, model.patch_bias
    return {
        "answer": losses.answer_loss(logits, b.answers, b.q_valid),
        "attention": losses.attention(text_attn[b.q_valid], q_mask),
        "objects": losses.object_contrastive(
            patch_tokens, b.o_image, o_mask, caption_embeds, captions, model.logit_scale
        ),
        "patches": 0.5 * (
            losses.patch_alignment(patch_tokens[b.o_image], caption_embeds, captions, o_mask, scale, bias)
            + losses.patch_alignment(
                patch_tokens[q_image], q_embeds, q_tokens, q_mask, scale, bias
            )
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


def save(path, model, extra):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": model.cfg.to_dict(), "state": model.state_dict(), **extra}, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--val", required=True)
    ap.add_argument("--test")
    ap.add_argument("--epochs", type=float, default=4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--weight-decay", type=float, default=0.05)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--max-minutes", type=float, default=58, help="stop early (after saving) past this")
    ap.add_argument("--val-limit", type=int, default=500, help="scenes scored after each epoch")
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--out", default="notebooks/weights/tinyvlm.pt")
    args = ap.parse_args()

    torch.set_num_threads(2)
    seed_everything(args.seed)
    train, val = load_scenes(args.train), load_scenes(args.val)
    test = load_scenes(args.test) if args.test else None
    mean, std = channel_stats(train)
    vocab = train.vocab
    cfg = Config(vocab=len(vocab["words"]), answers=len(vocab["answers"]), dim=args.dim, mlp=2 * args.dim)
    assert train.max_question <= cfg.max_text and train.o_caption.shape[1] <= cfg.max_text
    model = TinyVLM(cfg)
    opt = optimizer(model, args.lr, args.weight_decay)
    per_epoch = len(train) // args.batch  # the last partial batch of an epoch is dropped
    total = int(args.epochs * per_epoch)
    out = Path(args.out)
    answers_by_type = answer_sets(train)
    rng = np.random.default_rng(args.seed)
    print(f"scenes {len(train)} questions {len(train.q_answer)} objects {len(train.o_scene)} "
          f"params {sum(p.numel() for p in model.parameters())} steps {total} mean {mean} std {std}", flush=True)

    start, step, epoch, seen = time.time(), 0, 0, 0
    running = {}
    extra = {"vocab": vocab, "mean": mean, "std": std, "seed": args.seed}
    while step < total:
        order = rng.permutation(len(train))
        for i in range(0, len(order) - args.batch + 1, args.batch):
            if step >= total or (time.time() - start) / 60 > args.max_minutes:
                break
            for g in opt.param_groups:
                g["lr"] = lr_at(step, total, args.lr, args.warmup)
            parts = step_losses(model, train, make_batch(train, order[i : i + args.batch], mean, std))
            loss = sum(WEIGHTS[k] * v for k, v in parts.items())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += args.batch
            for k, v in parts.items():
                running[k] = 0.98 * running.get(k, v.item()) + 0.02 * v.item()
            if step % args.log_every == 0:
                el = time.time() - start
                print(f"step {step}/{total} ep {epoch} {el / 60:.1f} min {seen / el:.1f} img/s "
                      + " ".join(f"{k} {v:.3f}" for k, v in running.items()), flush=True)
        epoch += 1
        minutes = (time.time() - start) / 60
        val_report = report(val, predict(model, val, mean, std, limit=args.val_limit), answers_by_type)
        print(f"epoch {epoch} {minutes:.1f} min val(first {args.val_limit}) {val_report['accuracy']:.4f} "
              + json.dumps({t: round(v["accuracy"], 3) for t, v in val_report["byType"].items()}), flush=True)
        training = {"epochs": round(step / per_epoch, 3), "steps": step, "minutes": round(minutes, 1),
                    "scenes": len(train), "batch": args.batch, "lr": args.lr, "threads": 2}
        save(out, model, {**extra, "training": training})
        if minutes > args.max_minutes:
            print("time budget reached", flush=True)
            break

    metrics = {"validation": report(val, predict(model, val, mean, std), answers_by_type)}
    if test is not None:
        metrics["test"] = report(test, predict(model, test, mean, std), answers_by_type)
    metrics["training"] = training
    out.with_suffix(".metrics.json").write_text(json.dumps(metrics, indent=1))
    print(json.dumps(metrics, indent=1), flush=True)


if __name__ == "__main__":
    main()
