"""Exports a TinyVLM checkpoint to ONNX (vision, text, reasoner) with a manifest, and records
golden outputs on fixed test-split scenes for the TypeScript runtime's tests. The checkpoint's
config says which world it belongs to (its grid: 14 for SynthScenes, 24 for SynthScenes 2), and
with it the output folder, the golden file and the scenes.

  python notebooks/export.py --checkpoint notebooks/weights/tinyvlm.pt --out public/models/tinyvlm \\
      --golden tests/fixtures/tinyvlm-golden.json
  python notebooks/export.py --checkpoint notebooks/weights/tinyvlm2.pt --out public/models/tinyvlm2 \\
      --golden tests/fixtures/tinyvlm2-golden.json

The golden scenes are the first test-split scenes of the world, written to a temporary folder
with `npm run scenes:export` (anyres views included), unless --golden-data names an export."""
import argparse
import hashlib
import json
import logging
import subprocess
import tempfile
import warnings
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from tinyvlm.data import TOKENIZER, anyres_images, load_scenes, normalize
from tinyvlm.graphs import DYNAMIC, INPUTS, example_inputs, graphs
from tinyvlm.model import ANYRES_VIEWS, Config, TinyVLM, anyres_layout

ROOT = Path(__file__).resolve().parents[1]
OPSET = 18
GOLDEN_SCENES = 3
WORLDS = {14: 1, 24: 2}  # grid side -> SynthScenes world (224 px or 384 px views)
NAMES = {1: "tinyvlm", 2: "tinyvlm2"}


def world_of(cfg: Config):
    if cfg.grid not in WORLDS:
        raise SystemExit(f"no SynthScenes world has a {cfg.grid}x{cfg.grid} grid (known: {sorted(WORLDS)})")
    return WORLDS[cfg.grid]


def kept_positions(cfg: Config):
    """A fixed pruned subset for the golden and parity checks: every 10th patch."""
    return list(range(0, cfg.tokens, 10))


def anyres_positions(cfg: Config):
    """Anyres token ids in every view, up to the last one (2,879 on a 24x24 grid)."""
    total = ANYRES_VIEWS * cfg.tokens
    return [*range(0, total, 36), total - 1]


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
    world = world_of(cfg)
    vocab = ckpt["vocab"]
    manifest = {
        "name": NAMES[world],
        "format": 1,
        # World 1's manifest predates the field (the runtime reads its absence as world 1) and its
        # bytes stay as shipped.
        **({"world": world} if world != 1 else {}),
        # How the weights are wired, for the model card (world 1 has one architecture and no field).
        **({"architecture": {"stem": cfg.stem, "gatedPool": cfg.gated_pool, "visualMixing": cfg.visual_mixing,
                             # the exported parts only (training's extra heads are not shipped)
                             "parameters": sum(p.numel() for part in (model.vision, model.text, model.reasoner)
                                               for p in part.parameters())}} if world != 1 else {}),
        "opset": OPSET,
        "files": {name: file_entry(out / f"{name}.onnx") for name in INPUTS},
        "io": {name: {"inputs": ins, "outputs": outs} for name, (ins, outs) in INPUTS.items()},
        "dims": {"D": cfg.dim, "grid": [cfg.grid, cfg.grid], "patch": cfg.patch, "tokens": cfg.tokens,
                 "answers": cfg.answers, "vocab": cfg.vocab, "maxText": cfg.max_text, "heads": cfg.heads,
                 "visionLayers": cfg.vision_layers, "patchTokensLayer": cfg.vision_layers - 1,
                 "textLayers": cfg.text_layers, "reasonerLayers": cfg.reasoner_layers, "textAttnLayer": 2,
                 # The reasoner also takes anyres token ids (anyres_cells), in this layout's order.
                 **({"anyres": {"tokens": ANYRES_VIEWS * cfg.tokens, "layout": anyres_layout(cfg.grid)}}
                    if cfg.anyres else {})},
        # World 2 calls its question types families; the runtime reads one name for both.
        "vocab": {"words": vocab["words"], "answers": vocab["answers"],
                  "questionTypes": vocab.get("questionTypes") or vocab["questionFamilies"]},
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


def encode(sess, pixels):
    """One normalized view [1,3,S,S] -> patch_tokens [1,N,D], cls_attn [1,N]."""
    return sess["vision"].run(None, {"pixels": pixels})


def encode_anyres(sess, views):
    """The anyres views [V,3,S,S] -> their patch tokens in token order, [1,V*N,D]."""
    return np.concatenate([encode(sess, view[None])[0] for view in views], axis=1)


def embed(sess, tokens):
    return sess["text"].run(None, {"tokens": tokens})[0]


def reason(sess, pool, positions, tokens):
    """Logits [1,A] and text_attn [1,k] from the rows of `pool` [1,n,D] at `positions`."""
    return sess["reasoner"].run(
        None, {"visual": pool[:, positions], "positions": np.asarray([positions], dtype=np.int64), "question": tokens}
    )


def rounded(values):
    return [round(float(v), 6) for v in np.asarray(values).ravel()]


def sha256(array):
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def golden(out: Path, data_dir, manifest, cfg: Config):
    data = load_scenes(data_dir)
    views = anyres_images(data)
    if cfg.anyres and views is None:
        raise SystemExit(f"{data_dir} has no anyres views: export the golden scenes without --no-anyres")
    sess = sessions(out)
    pre = manifest["preprocessing"]
    answers = manifest["vocab"]["answers"]
    kept_at = kept_positions(cfg)
    cases = []
    for s in range(GOLDEN_SCENES):
        row = data.scene_questions[s][s % len(data.scene_questions[s])]  # a different type per scene
        tokens = data.q_tokens[row, : data.q_len[row]][None]
        patch_tokens, cls_attn = encode(sess, normalize(data.images[s : s + 1], pre["mean"], pre["std"]).numpy())
        token_embeds = embed(sess, tokens)
        full_logits, full_attn = reason(sess, patch_tokens, list(range(cfg.tokens)), tokens)
        kept_logits, kept_attn = reason(sess, patch_tokens, kept_at, tokens)
        case = {
            "seed": int(data.seeds[s]),
            "imageSha256": sha256(data.images[s]),
            "question": {"text": data.q_text[row], "tokens": tokens[0].tolist(), "type": data.types[data.q_type[row]]},
            "answer": {"id": int(data.q_answer[row]), "text": answers[data.q_answer[row]]},
            "patchTokens": {"row0": rounded(patch_tokens[0, 0, :8]), "row100": rounded(patch_tokens[0, 100, :8])},
            "clsAttn": {"sum": round(float(cls_attn.sum()), 6), "argmax": int(cls_attn.argmax())},
            "tokenEmbeds": {"row0": rounded(token_embeds[0, 0, :8])},
            "full": {"logits": rounded(full_logits[0]), "argmax": int(full_logits.argmax()),
                     "textAttnArgmax": int(full_attn.argmax())},
            "kept": {"positions": kept_at, "logits": rounded(kept_logits[0]), "argmax": int(kept_logits.argmax()),
                     "textAttn": rounded(kept_attn[0])},
        }
        if cfg.anyres:
            pool = encode_anyres(sess, normalize(views[s], pre["mean"], pre["std"]).numpy())
            at = anyres_positions(cfg)
            logits, text_attn = reason(sess, pool, at, tokens)
            case["anyres"] = {"imagesSha256": sha256(views[s]), "positions": at, "logits": rounded(logits[0]),
                              "argmax": int(logits.argmax()), "textAttn": rounded(text_attn[0])}
        cases.append(case)
    return {
        "model": {n: manifest["files"][n]["sha256"] for n in INPUTS},
        "split": data.meta["split"],
        "tolerance": 1e-4,
        "cases": cases,
    }


def export_golden_scenes(world, out: Path):
    """The first test-split scenes of `world`, written by the project's own exporter."""
    subprocess.run(
        ["npm", "run", "--silent", "scenes:export", "--", "--world", str(world), "--split", "test",
         "--count", str(GOLDEN_SCENES), "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", default=str(ROOT / "notebooks/weights/tinyvlm.pt"))
    ap.add_argument("--out", help="model folder (default: public/models/tinyvlm, or tinyvlm2 for world 2)")
    ap.add_argument("--metrics", help="metrics JSON from training (default: <checkpoint>.metrics.json)")
    ap.add_argument("--golden-data", help="an export of the world's test split; golden outputs are recorded on its "
                                          "first scenes (default: those scenes, exported to a temporary folder)")
    ap.add_argument("--golden", help="golden file (default: tests/fixtures/<name>-golden.json)")
    args = ap.parse_args()

    torch.set_num_threads(2)
    model, ckpt = load_checkpoint(args.checkpoint)
    world = world_of(model.cfg)
    name = NAMES[world]
    out = Path(args.out or ROOT / "public/models" / name)
    export_graphs(model, out)
    metrics_path = Path(args.metrics or Path(args.checkpoint).with_suffix(".metrics.json"))
    metrics = json.loads(metrics_path.read_text()) if metrics_path.exists() else {}
    metrics.pop("training", None)
    manifest = write_manifest(model, ckpt, out, metrics)
    total = sum(f["bytes"] for f in manifest["files"].values())
    print(f"exported world {world}'s {name}: {', '.join(manifest['files'])} to {out} ({total / 1e6:.2f} MB)")
    path = Path(args.golden or ROOT / "tests/fixtures" / f"{name}-golden.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.golden_data or export_golden_scenes(world, Path(tmp) / "test")
        path.write_text(json.dumps(golden(out, data, manifest, model.cfg), indent=1) + "\n")
    print(f"golden outputs: {path}")


if __name__ == "__main__":
    main()
