"""Writes the token-file fixtures that tests/tokens/ reads (a few KB each), with export_tokens.py
on the tiny random models of tiny_llava.py:

    notebooks/.venv/bin/python notebooks/make_token_fixtures.py [--out tests/fixtures/tokens]

- llava-tiny.safetensors        LLaVA-1.5 architecture, 6×6 grid, F32, with its PNG image
- llava-tiny.f16.safetensors    the same tensors rounded to F16 by torch
- llava-tiny.bf16.safetensors   the same tensors rounded to BF16 by torch
- llava-next-tiny.safetensors   LLaVA-NeXT architecture on a wide image: base view + tiles, F32

``vision_features`` is left out to keep the files small (the exporter writes it by default).
"""

import argparse
import io
from pathlib import Path

from export_tokens import export_tokens, instruction_positions, save_token_file
from tiny_llava import prompt_for, tiny_image, tiny_llava, tiny_llava_next, tiny_processor

QUESTION = "what is the red thing ?"


def export(kind, image):
    model = tiny_llava() if kind == "llava" else tiny_llava_next()
    processor = tiny_processor(kind)
    inputs, instruction = instruction_positions(processor, lambda q: prompt_for(processor, q), QUESTION, image)
    tensors, metadata = export_tokens(model, inputs["input_ids"], inputs["pixel_values"], inputs.get("image_sizes"), instruction=instruction)
    del tensors["vision_features"]
    metadata.update({"model": f"tiny random {kind} (notebooks/tiny_llava.py, seed 0)", "prompt": prompt_for(processor, QUESTION),
                     "instruction": QUESTION, "image_size": f"{image.width}x{image.height}"})
    return tensors, metadata


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "tokens")
    out = p.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    image = tiny_image(24, 24)
    png = io.BytesIO()
    image.save(png, format="PNG")
    tensors, metadata = export("llava", image)
    for dtype, suffix in [("f32", ""), ("f16", ".f16"), ("bf16", ".bf16")]:
        save_token_file(out / f"llava-tiny{suffix}.safetensors", tensors, metadata, dtype, png.getvalue() if dtype == "f32" else None)
    tensors, metadata = export("next", tiny_image(48, 20))
    save_token_file(out / "llava-next-tiny.safetensors", tensors, metadata, "f32")
    for f in sorted(out.glob("*.safetensors")):
        print(f"{f.name}: {f.stat().st_size} bytes")


if __name__ == "__main__":
    main()
