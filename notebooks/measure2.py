"""Size and speed of TinyVLM 2's ONNX graphs: exports a checkpoint (or, without one, an untrained
model of train2.py's default dims: same size, same cost) and times the vision encoder on one
384 px view and the reasoner at 576 and 2,880 tokens in onnxruntime with one thread, a proxy for
onnxruntime-web's WASM backend.

  python notebooks/measure2.py [--checkpoint notebooks/weights/tinyvlm2.pt]"""
import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

import train2
from export import export_graphs, load_checkpoint, sessions
from tinyvlm.model import ANYRES_VIEWS, TinyVLM

# Vocabulary sizes of SynthScenes 2 (src/scenes/world2/README.md), for the untrained model.
WORLD2_VOCAB = {"words": [""] * 70, "answers": [""] * 34}
DEFAULTS = ["--train", "", "--val", "", "--steps", "1"]


def best_ms(run, repeats):
    run()  # the first call allocates
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), float(np.median(times))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint")
    ap.add_argument("--repeats", type=int, default=10)
    args = ap.parse_args()
    torch.set_num_threads(2)
    if args.checkpoint:
        model, _ = load_checkpoint(args.checkpoint)
    else:
        torch.manual_seed(0)
        model = TinyVLM(train2.model_config(WORLD2_VOCAB, train2.parser().parse_args(DEFAULTS))).eval()
    cfg = model.cfg
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        export_graphs(model, out)
        sizes = {p.stem: p.stat().st_size for p in sorted(out.glob("*.onnx"))}
        sess = sessions(out)
        pixels = np.random.default_rng(0).standard_normal((1, 3, cfg.image, cfg.image)).astype(np.float32)
        vision = best_ms(lambda: sess["vision"].run(None, {"pixels": pixels}), args.repeats)
        question = np.asarray([[11, 12, 40, 13, 8]], dtype=np.int64)
        reasoner = {}
        for k in (cfg.tokens, ANYRES_VIEWS * cfg.tokens):
            feeds = {"visual": np.zeros((1, k, cfg.dim), np.float32), "positions": np.arange(k)[None],
                     "question": question}
            reasoner[k] = best_ms(lambda: sess["reasoner"].run(None, feeds), args.repeats)
    print(f"params {sum(p.numel() for p in model.parameters())}  dims D={cfg.dim} heads={cfg.heads} "
          f"vision={cfg.vision_layers} text={cfg.text_layers} reasoner={cfg.reasoner_layers} grid={cfg.grid}")
    print("onnx bytes " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items())
          + f"; total {sum(sizes.values()) / 1e6:.2f} MB")
    print(f"vision, one {cfg.image} px view ({cfg.tokens} tokens), 1 thread: best {vision[0]:.1f} ms, median {vision[1]:.1f} ms")
    for k, (best, median) in reasoner.items():
        print(f"reasoner, {k} visual tokens + 5 words, 1 thread: best {best:.1f} ms, median {median:.1f} ms")


if __name__ == "__main__":
    main()
