"""Exports a TinyVLM checkpoint to ONNX (vision, text, reasoner) with a manifest, and records
golden outputs on fixed test-split scenes for the TypeScript runtime's tests.

  python notebooks/export.py --checkpoint notebooks/weights/tinyvlm.pt --out public/models/tinyvlm \
      --golden-data <test-split export dir> --golden tests/fixtures/tinyvlm-golden.json"""
import argparse
import hashlib
import json
import logging
import warnings
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from tinyvlm.data import TOKENIZER, load_scenes, normalize
from tinyvlm.graphs import DYNAMIC, INPUTS, example_inputs, graphs
from tinyvlm.model import GRID, N_PATCHES, PATCH, Config, TinyVLM

OPSET = 18
GOLDEN_SCENES = 3
KEPT = list(range(0, N_PATCHES, 10))  # a fixed pruned subset for the golden and parity checks


def load_checkpoint(path):
    ckpt = torch.load(path, map_location="cpu", weights_only=False)
    model = TinyVLM(Config(**ckpt["config"]))
    model.load_state_dict(ckpt["state"])
    return model.eval(), ckpt


def export_graphs(model, out: Path):
    out.mkdir(parents=True, exist_ok=True)
    for name, graph in graphs(model).items():
        inputs, outputs = INPUTS[name]
        # The exporter logs every torchvision op it cannot register; torchvision is not used here.
        logging.getLogger("torch.onnx").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                graph, example_inputs(name, model.cfg), out / f"{name}.onnx", input_names=inputs,
                output_names=outputs, dynamic_axes=DYNAMIC[name] or None, opset_version=OPSET,
                dynamo=True, external_data=False, verbose=False,
            )


def file_entry(path: Path):
    data = path.read_bytes()
    return {"path": path.name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def write_manifest(model, ckpt, out: Path, metrics):
    cfg = model.cfg
    manifest = {
        "name": "tinyvlm",
        "format": 1,
        "opset": OPSET,
        "files": {name: file_entry(out / f"{name}.onnx") for name in INPUTS},
        "io": {name: {"inputs": ins, "outputs": outs} for name, (ins, outs) in INPUTS.items()},
        "dims": {"D": cfg.dim, "grid": [GRID, GRID], "patch": PATCH, "tokens": N_PATCHES,
                 "answers": cfg.answers, "vocab": cfg.vocab, "maxText": cfg.max_text, "heads": cfg.heads,
                 "visionLayers": cfg.vision_layers, "patchTokensLayer": cfg.vision_layers - 1,
                 "textLayers": cfg.text_layers, "reasonerLayers": cfg.reasoner_layers, "textAttnLayer": 2},
        "vocab": ckpt["vocab"],
        "tokenizer": TOKENIZER,
        "preprocessing": {"layout": "NCHW", "scale": 1 / 255, "mean": ckpt["mean"], "std": ckpt["std"]},
        "seed": ckpt["seed"],
        "training": ckpt["training"],
        "metrics": metrics,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    return manifest


def sessions(out: Path):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    return {n: ort.InferenceSession(str(out / f"{n}.onnx"), opts, providers=["CPUExecutionProvider"]) for n in INPUTS}


def run_case(sess, pixels, tokens, positions):
    """ONNX outputs for one image and question; `positions` selects the kept visual tokens."""
    patch_tokens, cls_attn = sess["vision"].run(None, {"pixels": pixels})
    (token_embeds,) = sess["text"].run(None, {"tokens": tokens})
    kept = patch_tokens[:, positions]
    logits, text_attn = sess["reasoner"].run(
        None, {"visual": kept, "positions": np.asarray([positions], dtype=np.int64), "question": tokens}
    )
    return {"patch_tokens": patch_tokens, "cls_attn": cls_attn, "token_embeds": token_embeds,
            "logits": logits, "text_attn": text_attn}


def rounded(values):
    return [round(float(v), 6) for v in np.asarray(values).ravel()]


def golden(out: Path, data_dir, manifest):
    data = load_scenes(data_dir)
    sess = sessions(out)
    pre = manifest["preprocessing"]
    answers = manifest["vocab"]["answers"]
    cases = []
    for s in range(GOLDEN_SCENES):
        row = data.scene_questions[s][s % len(data.scene_questions[s])]  # a different type per scene
        tokens = data.q_tokens[row, : data.q_len[row]][None]
        pixels = normalize(data.images[s : s + 1], pre["mean"], pre["std"]).numpy()
        full = run_case(sess, pixels, tokens, list(range(N_PATCHES)))
        kept = run_case(sess, pixels, tokens, KEPT)
        cases.append({
            "seed": int(data.seeds[s]),
            "imageSha256": hashlib.sha256(np.ascontiguousarray(data.images[s]).tobytes()).hexdigest(),
            "question": {"text": data.q_text[row], "tokens": tokens[0].tolist(),
                         "type": data.vocab["questionTypes"][data.q_type[row]]},
            "answer": {"id": int(data.q_answer[row]), "text": answers[data.q_answer[row]]},
            "patchTokens": {"row0": rounded(full["patch_tokens"][0, 0, :8]),
                            "row100": rounded(full["patch_tokens"][0, 100, :8])},
            "clsAttn": {"sum": round(float(full["cls_attn"].sum()), 6), "argmax": int(full["cls_attn"].argmax())},
            "tokenEmbeds": {"row0": rounded(full["token_embeds"][0, 0, :8])},
            "full": {"logits": rounded(full["logits"][0]), "argmax": int(full["logits"].argmax()),
                     "textAttnArgmax": int(full["text_attn"].argmax())},
            "kept": {"positions": KEPT, "logits": rounded(kept["logits"][0]), "argmax": int(kept["logits"].argmax()),
                     "textAttn": rounded(kept["text_attn"][0])},
        })
    return {
        "model": {n: manifest["files"][n]["sha256"] for n in INPUTS},
        "split": data.meta["split"],
        "tolerance": 1e-4,
        "cases": cases,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default="notebooks/weights/tinyvlm.pt")
    ap.add_argument("--out", default="public/models/tinyvlm")
    ap.add_argument("--metrics", help="metrics JSON from train.py (default: <checkpoint>.metrics.json)")
    ap.add_argument("--golden-data", help="a test-split export; golden outputs are recorded on its first scenes")
    ap.add_argument("--golden", default="tests/fixtures/tinyvlm-golden.json")
    args = ap.parse_args()

    torch.set_num_threads(2)
    model, ckpt = load_checkpoint(args.checkpoint)
    out = Path(args.out)
    export_graphs(model, out)
    metrics_path = Path(args.metrics or Path(args.checkpoint).with_suffix(".metrics.json"))
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    metrics.pop("training", None)
    manifest = write_manifest(model, ckpt, out, metrics)
    total = sum(f["bytes"] for f in manifest["files"].values())
    print(f"exported {', '.join(manifest['files'])} to {out} ({total / 1e6:.2f} MB)")
    if args.golden_data:
        path = Path(args.golden)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(golden(out, args.golden_data, manifest), indent=1) + "\n")
        print(f"golden outputs: {path}")


if __name__ == "__main__":
    main()
