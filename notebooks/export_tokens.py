"""Export a LLaVA-1.5 or LLaVA-NeXT model's visual tokens to a TOPS token file (.safetensors).

    notebooks/.venv/bin/python notebooks/export_tokens.py --model llava-hf/llava-1.5-7b-hf \
        --image photo.jpg --prompt "What is the man holding?" --out photo.tokens.safetensors

One forward pass with hooks records what the model computes (src/tokens/README.md has the format):

- ``features`` (N×D): the language model's input embeddings at the image-token positions, i.e. the
  multimodal projector's outputs, in sequence order. LLaVA-NeXT's ``image_newline`` separators are
  left out (they carry no patch); ``positions`` gives each token's place in the sequence.
- ``text`` (M×D): the input embeddings of the instruction's tokens (same space as ``features``).
- ``cls_attn`` (N): the vision tower's [CLS]→patch attention at the feature layer
  (``vision_feature_layer``, −2 for LLaVA), heads averaged, for the crop each token comes from.
- ``text_attn`` (N): the language model's attention at decoder layer ``--text-attn-layer``
  (0-based; default 1, the 2nd layer: FastV's K = 2 reads layer K−1) from the last prompt token to
  each image token, heads averaged. The forward stops after that layer.
- ``vision_features`` (N×Dv): the vision tower's penultimate-layer patch tokens (before the
  projector), in the same order; an extra tensor the reader checks but does not feed the engine.
- ``positions`` (N, I64): each token's index in the language model's input sequence.

The layout (``tops.layout``) is the 24×24 grid for LLaVA-1.5, and for LLaVA-NeXT the base view
plus the unpadded high-resolution view that its tiles form (``views``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch
from safetensors.torch import save_file

FORMAT_VERSION = "tops-tokens/1"
FASTV_LAYER = 1
DTYPES = {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}
IMAGE_MIMES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class _Stop(Exception):
    """Raised by the hook after the attention layer we need: the rest of the forward is skipped."""


def _vision_layers(tower):
    encoder = getattr(tower, "encoder", None) or tower.vision_model.encoder
    return encoder.layers


def _token_sources(model, n_crops, hw, image_sizes):
    """For each image token in sequence order: the flat (crop · hw + patch) index it comes from,
    or -1 for LLaVA-NeXT's image_newline separators. Found by packing an index probe exactly as
    the model packs its features, so unpadding and tile order are the model's own."""
    probe = torch.arange(1, n_crops * hw + 1, dtype=torch.float64).reshape(n_crops, hw, 1)
    if not hasattr(model.model, "pack_image_features"):
        return probe.flatten().long() - 1
    strategy = model.config.vision_feature_select_strategy
    packed, _ = model.model.pack_image_features([probe], image_sizes, strategy, image_newline=torch.zeros(1, dtype=torch.float64))
    return packed[0].flatten().long() - 1


def _layout(sources, hw, side):
    """One grid, or the base view plus the high-resolution view (rows end at each newline)."""
    n = int((sources >= 0).sum())
    rows = int((sources < 0).sum())
    if n == hw:
        return {"grid": [side, side]}
    cols = (n - hw) // rows
    return {"views": [
        {"name": "base", "grid": [side, side], "box": [0, 0, 1, 1]},
        {"name": "tiles", "grid": [rows, cols], "box": [0, 0, 1, 1]},
    ]}


@torch.no_grad()
def export_tokens(model, input_ids, pixel_values, image_sizes=None, instruction=None, text_attn_layer=FASTV_LAYER):
    """Runs the model on one prompt and returns (tensors, metadata) for a token file.

    ``instruction``: positions in ``input_ids`` of the instruction's tokens (default: every
    non-image token after the last image token)."""
    cfg = model.config
    if input_ids.shape[0] != 1:
        raise ValueError("export_tokens takes one prompt (batch size 1)")
    if not isinstance(cfg.vision_feature_layer, int) or cfg.vision_feature_select_strategy != "default":
        raise ValueError("export_tokens supports one vision feature layer with the 'default' strategy (CLS dropped), as LLaVA uses")
    tower, lm = model.model.vision_tower, model.model.language_model
    layers = _vision_layers(tower)
    feature_layer = len(layers) + cfg.vision_feature_layer  # hidden_states[L] is layer L−1's output
    captured = {}

    def keep(name, index=None):
        def hook(_module, _args, output):
            captured[name] = output if index is None else output[index]
        return hook

    def embeds(_module, _args, kwargs):
        captured["embeds"] = kwargs["inputs_embeds"]

    def attention(_module, _args, output):
        captured["text_attn"] = output[1]
        raise _Stop

    handles = [
        layers[feature_layer].register_forward_hook(keep("vision")),
        layers[feature_layer].self_attn.register_forward_hook(keep("cls_attn", 1)),
        lm.register_forward_pre_hook(embeds, with_kwargs=True),
        lm.layers[text_attn_layer].self_attn.register_forward_hook(attention),
    ]
    try:
        kwargs = {} if image_sizes is None else {"image_sizes": image_sizes}
        model(input_ids=input_ids, pixel_values=pixel_values, **kwargs)
        raise RuntimeError("the language model did not reach the attention layer")
    except _Stop:
        pass
    finally:
        for h in handles:
            h.remove()

    vision = captured["vision"][0] if isinstance(captured["vision"], tuple) else captured["vision"]
    n_crops, hw = vision.shape[0], vision.shape[1] - 1
    side = round(hw ** 0.5)
    sources = _token_sources(model, n_crops, hw, image_sizes)
    image_positions = (input_ids[0] == cfg.image_token_id).nonzero().flatten()
    if image_positions.numel() != sources.numel():
        raise ValueError(f"{image_positions.numel()} image tokens in the prompt, but the model packs {sources.numel()}")
    layout = _layout(sources, hw, side)
    patch = sources >= 0
    positions, sources = image_positions[patch], sources[patch]
    if instruction is None:
        instruction = torch.arange(int(image_positions[-1]) + 1, input_ids.shape[1])
    instruction = torch.as_tensor(instruction, dtype=torch.long)

    embeds = captured["embeds"][0]
    cls_attn = captured["cls_attn"].float().mean(dim=1)[:, 0, 1:].reshape(-1)  # crops × heads × q × k
    attn = captured["text_attn"][0].float().mean(dim=0)[-1]  # heads averaged, last prompt token's row
    tensors = {
        "features": embeds[positions],
        "text": embeds[instruction],
        "cls_attn": cls_attn[sources],
        "text_attn": attn[positions],
        "vision_features": vision[:, 1:].reshape(n_crops * hw, -1)[sources],
        "positions": positions.long(),
    }
    metadata = {
        "tops.format": FORMAT_VERSION,
        "tops.layout": json.dumps(layout),
        "model": str(getattr(cfg, "_name_or_path", "") or cfg.model_type),
        "model_type": cfg.model_type,
        "features": "multi_modal_projector output = LLM input embeddings at the image tokens (image_newline left out)",
        "vision_feature_layer": str(cfg.vision_feature_layer),
        "cls_attn": f"vision layer {cfg.vision_feature_layer}: [CLS] row, heads averaged, per crop",
        "text_attn_layer": str(text_attn_layer),
        "text_attn": f"LLM decoder layer {text_attn_layer} (0-based): last prompt token's row, heads averaged",
        "exporter": "notebooks/export_tokens.py",
    }
    return tensors, metadata


def save_token_file(path, tensors, metadata, dtype="f32", image_bytes=None):
    """Writes the tensors (floats stored as ``dtype``), and the image's bytes when given."""
    out = {}
    for name, t in tensors.items():
        out[name] = (t.to(DTYPES[dtype]) if t.is_floating_point() else t).detach().cpu().contiguous()
    metadata = dict(metadata)
    if image_bytes is not None:
        mime = next((m for magic, m in IMAGE_MIMES.items() if image_bytes.startswith(magic)), None)
        if mime is None:
            raise ValueError("the image must be PNG or JPEG bytes to be embedded")
        out["image"] = torch.frombuffer(bytearray(image_bytes), dtype=torch.uint8)
        metadata["tops.image_mime"] = mime
    save_file(out, str(path), metadata=metadata)


def instruction_positions(processor, prompt_for, question, image, **kwargs):
    """The question's token positions: where the prompt's ids differ from the same prompt with an
    empty question (tokenizer-agnostic; merges at the edges fall on the question's side)."""
    full = processor(images=image, text=prompt_for(question), return_tensors="pt", **kwargs)
    empty = processor(images=image, text=prompt_for(""), return_tensors="pt", **kwargs)["input_ids"][0].tolist()
    ids = full["input_ids"][0].tolist()
    start = 0
    while start < min(len(ids), len(empty)) and ids[start] == empty[start]:
        start += 1
    end = 0
    while end < min(len(ids), len(empty)) - start and ids[-1 - end] == empty[-1 - end]:
        end += 1
    return full, list(range(start, len(ids) - end))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True, help="hub id or local directory (llava-hf/llava-1.5-7b-hf, llava-hf/llava-v1.6-mistral-7b-hf, …)")
    p.add_argument("--image", required=True, type=Path)
    p.add_argument("--prompt", required=True, help="the instruction (question) about the image")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--dtype", choices=sorted(DTYPES), default="f32", help="storage dtype of the float tensors")
    p.add_argument("--text-attn-layer", type=int, default=FASTV_LAYER)
    p.add_argument("--no-image", action="store_true", help="do not embed the image's bytes")
    p.add_argument("--device", default="cpu")
    p.add_argument("--torch-dtype", choices=sorted(DTYPES), default="f32", help="the model's compute dtype (f16 for 7B on a GPU)")
    args = p.parse_args(argv)

    from PIL import Image
    from transformers import AutoConfig, AutoProcessor, LlavaForConditionalGeneration, LlavaNextForConditionalGeneration

    kind = AutoConfig.from_pretrained(args.model).model_type
    classes = {"llava": LlavaForConditionalGeneration, "llava_next": LlavaNextForConditionalGeneration}
    if kind not in classes:
        sys.exit(f"export_tokens: {args.model} is a {kind} model; this exporter reads llava and llava_next")
    model = classes[kind].from_pretrained(args.model, attn_implementation="eager", dtype=DTYPES[args.torch_dtype]).to(args.device).eval()
    processor = AutoProcessor.from_pretrained(args.model)
    image_bytes = args.image.read_bytes()
    image = Image.open(args.image).convert("RGB")

    def prompt_for(question):
        conversation = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
        return processor.apply_chat_template(conversation, add_generation_prompt=True)

    inputs, instruction = instruction_positions(processor, prompt_for, args.prompt, image)
    inputs = inputs.to(args.device)
    tensors, metadata = export_tokens(
        model, inputs["input_ids"], inputs["pixel_values"].to(model.dtype), inputs.get("image_sizes"),
        instruction=instruction, text_attn_layer=args.text_attn_layer,
    )
    metadata.update({"model": args.model, "prompt": prompt_for(args.prompt), "instruction": args.prompt, "image_size": f"{image.width}x{image.height}"})
    save_token_file(args.out, tensors, metadata, args.dtype, None if args.no_image else image_bytes)
    n, d = tensors["features"].shape
    print(f"wrote {args.out}: N = {n}, D = {d}, M = {tensors['text'].shape[0]} ({args.dtype})")


if __name__ == "__main__":
    main()
