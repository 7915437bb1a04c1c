"""Trains TinyVLM on SynthScenes exports, deterministically from a fixed seed.

  python notebooks/train.py --train DIR --val DIR --test DIR --epochs 4 --out notebooks/weights/tinyvlm.pt

Writes the checkpoint after every epoch (so an export can be made while training goes on) and,
at the end, validation and test metrics beside it (<out>.metrics.json)."""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from tinyvlm.data import channel_stats, load_scenes, make_batch
from tinyvlm.evaluate import answer_sets, predict, report
from tinyvlm.model import Config, TinyVLM
from tinyvlm.training import lr_at, optimizer, save, seed_everything, step_losses, update


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
            update(model, opt, parts)
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
