"""Goldens for the TypeScript SmolVLM (Idefics3) image preprocessing (src/models/smolvlm/).

Runs transformers' Idefics3ImageProcessorPil and Pillow's LANCZOS resize on deterministic images
and writes tests/fixtures/smolvlm/preprocess-goldens.json: shapes, rows/cols, sha256 of the
float32 pixel_values and of every uint8 intermediate resize, and a few sampled values. The images
come from integer formulas that tests/models/smolvlm/test-image.ts computes identically, so the
TypeScript side regenerates them instead of reading committed pixels.

    notebooks/.venv/bin/python notebooks/smolvlm_preprocess_goldens.py
"""

import hashlib
import json
from pathlib import Path

import numpy as np
from PIL import Image
from transformers.models.idefics3.image_processing_pil_idefics3 import Idefics3ImageProcessorPil

OUT = Path(__file__).resolve().parent.parent / "tests/fixtures/smolvlm/preprocess-goldens.json"

# SmolVLM-256M-Instruct's preprocessor_config.json (the fields the image processor reads).
CONFIG = {
    "do_convert_rgb": True,
    "do_resize": True,
    "size": {"longest_edge": 2048},
    "max_image_size": {"longest_edge": 512},
    "do_image_splitting": True,
    "resample": 1,
    "do_rescale": True,
    "rescale_factor": 1 / 255,
    "do_normalize": True,
    "image_mean": [0.5, 0.5, 0.5],
    "image_std": [0.5, 0.5, 0.5],
    "do_pad": True,
}

M32 = 0xFFFFFFFF


def _mix(x: np.ndarray, y: np.ndarray, c: int, seed: int) -> np.ndarray:
    """A 32-bit integer hash (the same operations as Math.imul / >>> in test-image.ts)."""
    h = ((x * 73856093) ^ (y * 19349663) ^ (c * 83492791) ^ (seed * 2654435761)) & M32
    h ^= h >> 13
    h = (h * 0x5BD1E995) & M32
    h ^= h >> 15
    return h


def test_image(width: int, height: int, seed: int, alpha: bool = False) -> np.ndarray:
    """H×W×(3|4) uint8: gradients plus ±32 noise, with a hard-edged checkerboard in the top-left
    quarter so the Lanczos lobes overshoot and the clipping is exercised."""
    y, x = np.mgrid[0:height, 0:width].astype(np.uint64)
    checker = (x < width // 2) & (y < height // 2)
    bases = (x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1), ((x + y) * 7) & 255)
    channels = []
    for c in range(3):
        noisy = np.clip(bases[c].astype(np.int64) + (_mix(x, y, c, seed) % 65).astype(np.int64) - 32, 0, 255)
        square = np.where(((x >> 3) + (y >> 3) + c) & 1, 255, 0)
        channels.append(np.where(checker, square, noisy))
    if alpha:
        channels.append((x * 37 + y * 11 + _mix(x, y, 3, seed)) & 255)
    return np.stack(channels, axis=-1).astype(np.uint8)


def sha256(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


# Resize-only cases: source size, seed, target size (up, down, mixed, one axis only, odd sizes).
RESIZES = [
    ((37, 23), 1, (101, 57)),
    ((37, 23), 2, (11, 7)),
    ((64, 48), 3, (17, 97)),
    ((300, 451), 4, (97, 131)),
    ((1, 1), 5, (5, 3)),
    ((50, 40), 6, (50, 13)),
    ((50, 40), 7, (123, 40)),
    ((1024, 768), 8, (512, 512)),
]

# Processor cases: name, size, seed, alpha, config overrides.
IMAGES = [
    ("landscape-1024x768", (1024, 768), 11, False, {}),
    ("portrait-300x451", (300, 451), 12, False, {}),
    ("square-512", (512, 512), 13, False, {}),
    ("small-200x100", (200, 100), 14, False, {}),
    ("one-pixel", (1, 1), 15, False, {}),
    ("thin-3x1", (3, 1), 16, False, {}),
    ("alpha-64x48", (64, 48), 17, True, {}),
    ("unsplit-small-200x100", (200, 100), 18, False, {"size": {"longest_edge": 512}}),
    ("no-splitting-300x451", (300, 451), 19, False, {"do_image_splitting": False}),
]


def resize_goldens() -> list[dict]:
    cases = []
    for (w, h), seed, (ow, oh) in RESIZES:
        pixels = test_image(w, h, seed)
        out = np.asarray(Image.fromarray(pixels).resize((ow, oh), Image.LANCZOS))
        cases.append({"width": w, "height": h, "seed": seed, "imageSha256": sha256(pixels),
                      "outWidth": ow, "outHeight": oh, "sha256": sha256(out), "first": out.reshape(-1)[:12].tolist()})
    return cases


def flatten_alpha_golden() -> str:
    """Every (value, alpha) pair composited onto white by transformers' convert_to_rgb."""
    v, a = np.meshgrid(np.arange(256), np.arange(256))
    rgba = np.stack([v, 255 - v, (v * 7 + a) & 255, a], axis=-1).astype(np.uint8)
    return sha256(Idefics3ImageProcessorPil().convert_to_rgb(Image.fromarray(rgba, "RGBA")))


def processor_golden(name, size, seed, alpha, overrides) -> dict:
    processor = Idefics3ImageProcessorPil(**{**CONFIG, **overrides})
    resizes = []
    inner = processor.resize

    def recording_resize(image, *args, **kwargs):
        out = inner(image, *args, **kwargs)
        resizes.append({"height": out.shape[1], "width": out.shape[2], "sha256": sha256(out.transpose(1, 2, 0))})
        return out

    processor.resize = recording_resize
    pixels = test_image(*size, seed, alpha)
    image = Image.fromarray(pixels, "RGBA" if alpha else "RGB")
    enc = processor(images=[image], return_row_col_info=True)
    values = np.asarray(enc["pixel_values"])[0]
    mask = np.asarray(enc["pixel_attention_mask"])[0]
    assert values.dtype == np.float32
    flat = values.reshape(-1)
    picks = sorted({0, 1, 777, flat.size // 3, flat.size // 2 + 5, flat.size - 1})
    return {
        "name": name, "width": size[0], "height": size[1], "seed": seed, "alpha": alpha, "config": overrides,
        "imageSha256": sha256(pixels),
        "shape": list(values.shape), "rows": enc["rows"][0][0], "cols": enc["cols"][0][0],
        "resizes": resizes,
        "pixelValuesSha256": sha256(values),
        "maskSha256": sha256(mask.astype(np.uint8)), "maskSum": int(mask.sum()),
        "samples": [{"index": i, "value": float(flat[i])} for i in picks],
    }


def main() -> None:
    goldens = {
        "config": {**CONFIG, "rescale_factor": 1 / 255},
        "resize": resize_goldens(),
        "flattenAlphaSha256": flatten_alpha_golden(),
        "processor": [processor_golden(*case) for case in IMAGES],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(goldens, indent=1) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
