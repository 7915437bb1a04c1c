"""Trains TinyVLM 2 on SynthScenes 2 (384 px views, 24x24 = 576 tokens), resumably.

  python notebooks/train2.py --train DIR --val DIR --steps 1800 --minutes 110
  python notebooks/train2.py --train DIR --val DIR --steps 1800 --minutes 60 --resume

The schedule (--steps, batch, learning rate, seed, dims) is fixed when a run starts; --minutes only
bounds this invocation. Every --save-every minutes and when it stops, it writes the weights
(<out>, no optimizer state), the optimizer and step (<out stem>.resume.pt) and the log
(<out stem>.train.json: the loss curve and per-family validation accuracy with chance beside it).
Data order is a function of (seed, step), so --resume continues exactly where it stopped. After the
last step it scores the whole validation (and --test) split into <out stem>.metrics.json.

A run whose curve is still rising when its schedule ends can be extended (SGDR's warm restart):

  python notebooks/train2.py ... --steps 1800 --resume --extend-to 3000 --restart-lr 4e-4

From the step it resumes at, the learning rate warms up again to --restart-lr and decays on a new
cosine that ends at --extend-to. The extension is recorded in the log; later resumes repeat it."""
import argparse
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import torch

from tinyvlm.data import channel_stats, load_scenes, make_batch
from tinyvlm.evaluate import answer_sets, predict, report
from tinyvlm.model import Config, TinyVLM
from tinyvlm.training import lr_at, optimizer, save, seed_everything, step_losses, update, write

# Arguments that define the run; a resume must repeat them.
SCHEDULE = ("steps", "batch", "lr", "weight_decay", "warmup", "seed", "dim", "heads", "vision_layers", "reasoner_layers",
            "stem", "gated_pool", "dense_words")


def model_config(vocab, args):
    # The reasoner's visual tokens do not attend to each other (cost linear in the tokens, so the
    # 2,880-token anyres layout fits); the vision encoder is a full-attention ViT as in world 1.
    return Config(vocab=len(vocab["words"]), answers=len(vocab["answers"]), dim=args.dim, heads=args.heads,
                  mlp=2 * args.dim, vision_layers=args.vision_layers, reasoner_layers=args.reasoner_layers,
                  grid=24, anyres=True, visual_mixing=False, stem=args.stem, gated_pool=args.gated_pool,
                  dense_words=args.dense_words)


def batch_scenes(step, count, batch, seed):
    """The scenes of a step: epoch e is a permutation seeded by (seed, e); a partial last batch is dropped."""
    epoch, i = divmod(step, count // batch)
    return np.random.default_rng([seed, epoch]).permutation(count)[i * batch : (i + 1) * batch]


def paths(out):
    out = Path(out)
    stem = out.with_suffix("")
    return out, Path(f"{stem}.resume.pt"), Path(f"{stem}.train.json"), Path(f"{stem}.metrics.json")


class Run:
    """Model, optimizer, step and log; `start` builds them fresh or from the resume files."""

    def __init__(self, args, train):
        self.args, self.train = args, train
        self.weights, self.resume_path, self.log_path, self.metrics_path = paths(args.out)
        seed_everything(args.seed)
        self.model = TinyVLM(model_config(train.vocab, args))
        self.opt = optimizer(self.model, args.lr, args.weight_decay)
        self.mean, self.std = channel_stats(train)
        self.step, self.minutes, self.running = 0, 0.0, {}
        # The next step's batch is read (from a memory-mapped export larger than the page cache)
        # while this step computes; a batch depends only on its step, so runs stay exact.
        self.reader, self.ahead = ThreadPoolExecutor(1), None
        self.log = {"schedule": {k: getattr(args, k) for k in SCHEDULE}, "config": self.model.cfg.to_dict(),
                    "train": {"scenes": len(train), "questions": len(train.q_answer)}, "curve": [], "validation": [],
                    "extensions": []}
        if args.resume:
            self.load()
        if args.extend_to:
            self.extend(args.extend_to, args.restart_lr, args.restart_warmup)

    def extend(self, steps, lr, warmup):
        """Record a warm restart at the current step (once: a later resume with the same flags
        finds it in the log)."""
        phases = self.log["extensions"]
        if any(e["steps"] == steps and e["lr"] == lr and e["warmup"] == warmup for e in phases):
            return
        if steps <= max(self.total, self.step) or (phases and self.step < phases[-1]["from"]):
            raise SystemExit(f"--extend-to {steps} must lie past the schedule's end ({self.total}) and the step ({self.step})")
        phases.append({"from": self.step, "steps": steps, "lr": lr, "warmup": warmup})

    @property
    def total(self):
        """The step the schedule ends at, extensions included."""
        phases = self.log["extensions"]
        return phases[-1]["steps"] if phases else self.args.steps

    def lr(self, step):
        """The first schedule, or the cosine of the last warm restart at or before `step`."""
        phases = [e for e in self.log["extensions"] if e["from"] <= step]
        if not phases:
            return lr_at(step, self.args.steps, self.args.lr, self.args.warmup)
        e = phases[-1]
        return lr_at(step - e["from"], e["steps"] - e["from"], e["lr"], e["warmup"])

    def load(self):
        state = torch.load(self.resume_path, map_location="cpu", weights_only=False)
        ckpt = torch.load(self.weights, map_location="cpu", weights_only=False)
        log = json.loads(self.log_path.read_text())
        if log["schedule"] != self.log["schedule"] or log["train"] != self.log["train"]:
            raise SystemExit(f"--resume needs the same schedule and data: {log['schedule']} {log['train']}")
        self.model.load_state_dict(ckpt["state"])
        self.opt.load_state_dict(state["optimizer"])
        self.step, self.minutes, self.running, self.log = state["step"], state["minutes"], state["running"], log
        log.setdefault("extensions", [])

    def checkpoint(self):
        a = self.args
        training = {"steps": self.step, "totalSteps": self.total, "epochs": round(self.step * a.batch / len(self.train), 3),
                    "minutes": round(self.minutes, 1), "scenes": len(self.train), "batch": a.batch, "lr": a.lr,
                    "threads": torch.get_num_threads()}
        save(self.weights, self.model, {"vocab": self.train.vocab, "mean": self.mean, "std": self.std,
                                        "seed": a.seed, "training": training})
        write(self.resume_path, {"optimizer": self.opt.state_dict(), "step": self.step, "minutes": self.minutes,
                                 "running": self.running})
        self.log_path.write_text(json.dumps(self.log, indent=1) + "\n")

    def train_step(self):
        a = self.args
        for g in self.opt.param_groups:
            g["lr"] = self.lr(self.step)
        b = self.batch(self.step)
        parts = step_losses(self.model, self.train, b)
        update(self.model, self.opt, parts)
        self.step += 1
        for k, v in parts.items():
            self.running[k] = 0.98 * self.running.get(k, v.item()) + 0.02 * v.item()
        return {k: round(v.item(), 4) for k, v in parts.items()}

    def read(self, step):
        return make_batch(self.train, batch_scenes(step, len(self.train), self.args.batch, self.args.seed), self.mean, self.std)

    def batch(self, step):
        """The step's batch (read during the previous step where there was one), starting the next one's read."""
        ready = self.ahead[1] if self.ahead is not None and self.ahead[0] == step else None
        b = ready.result() if ready is not None else self.read(step)
        self.ahead = (step + 1, self.reader.submit(self.read, step + 1)) if step + 1 < self.total else None
        return b

    def validate(self, val, limit):
        pred = predict(self.model, val, self.mean, self.std, limit=limit)
        return report(val, pred, answer_sets(self.train))


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", required=True)
    ap.add_argument("--val", required=True)
    ap.add_argument("--test")
    ap.add_argument("--steps", type=int, required=True, help="length of the schedule (cosine decay ends here)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--weight-decay", type=float, default=0.05)
    ap.add_argument("--warmup", type=int, default=150)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dim", type=int, default=96)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--vision-layers", type=int, default=4)
    ap.add_argument("--stem", choices=["conv", "linear"], default="conv")
    ap.add_argument("--gated-pool", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--dense-words", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--reasoner-layers", type=int, default=3)
    ap.add_argument("--minutes", type=float, default=110, help="this invocation's budget; stops with a checkpoint")
    ap.add_argument("--save-every", type=float, default=10, help="minutes between checkpoints")
    ap.add_argument("--val-limit", type=int, default=300, help="validation scenes scored at each checkpoint")
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--extend-to", type=int, help="with --resume: warm-restart the schedule, ending at this step")
    ap.add_argument("--restart-lr", type=float, default=4e-4, help="peak learning rate of the warm restart")
    ap.add_argument("--restart-warmup", type=int, default=50)
    ap.add_argument("--evaluate", action="store_true",
                    help="with --resume: no training, score the checkpoint on the whole validation (and --test) split")
    ap.add_argument("--out", default="notebooks/weights/tinyvlm2.pt")
    return ap


def main(argv=None):
    args = parser().parse_args(argv)

    torch.set_num_threads(args.threads)
    train, val = load_scenes(args.train), load_scenes(args.val)
    assert train.grid == 24 and val.grid == 24, "train2.py reads SynthScenes 2 exports (format 2)"
    if args.extend_to and not args.resume:
        raise SystemExit("--extend-to continues a saved run: give --resume too")
    run = Run(args, train)
    print(f"scenes {len(train)} questions {len(train.q_answer)} params "
          f"{sum(p.numel() for p in run.model.parameters())} step {run.step}/{run.total}", flush=True)

    if args.evaluate:
        if not args.resume:
            raise SystemExit("--evaluate scores the saved run: give --resume too")
        return finish(run, val, args)
    started = last_save = last_log = time.time()
    minutes_before = run.minutes
    while run.step < run.total:
        parts = run.train_step()
        now = time.time()
        run.minutes = minutes_before + (now - started) / 60
        if run.step % args.log_every == 0:
            rate = args.log_every * args.batch / (now - last_log)
            last_log = now
            run.log["curve"].append({"step": run.step, "minutes": round(run.minutes, 2), "scenesPerSecond": round(rate, 2),
                                     "lr": run.lr(run.step - 1), **parts})
            print(f"step {run.step}/{run.total} {run.minutes:.1f} min {rate:.1f} scenes/s "
                  + " ".join(f"{k} {v:.3f}" for k, v in run.running.items()), flush=True)
        out_of_time = (now - started) / 60 >= args.minutes
        if now - last_save >= args.save_every * 60 or out_of_time or run.step == run.total:
            result = run.validate(val, args.val_limit)
            run.log["validation"].append({"step": run.step, "minutes": round(run.minutes, 2), "scenes": args.val_limit,
                                          **result})
            print(f"step {run.step} validation (first {args.val_limit}) {result['accuracy']:.4f} "
                  + json.dumps({t: [round(v["accuracy"], 3), round(v["chance"], 3)] for t, v in result["byType"].items()}),
                  flush=True)
            run.checkpoint()
            last_save = time.time()
        if out_of_time:
            print(f"--minutes {args.minutes} reached at step {run.step}; continue with --resume", flush=True)
            return
    finish(run, val, args)


def finish(run, val, args):
    """Full-token accuracy of the run's weights on the whole validation (and test) split, written
    beside the checkpoint with the step it was taken at (export.py puts it in the manifest)."""
    metrics = {"step": run.step, "validation": run.validate(val, None)}
    if args.test:
        metrics["test"] = run.validate(load_scenes(args.test), None)
    run.metrics_path.write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(metrics, indent=1), flush=True)


if __name__ == "__main__":
    main()
