"""Writes the tiny random SmolVLM (tiny_smolvlm.py) in the model hub's folder layout — configs,
tokenizer, and onnx/{vision_encoder,embed_tokens,decoder_model_merged}.onnx with the hub export's
input and output names — plus reference/: what transformers in PyTorch computes on a fixed photo
(logits with every image token and with a pruned subset, greedy tokens), for `npm run check:mllm`.

  python notebooks/smolvlm_fixture.py --out DIR [--variants _q4,_fp16]

--variants also writes each graph under those suffixed names (the files the page asks the hub
for). They hold the same float32 weights: the fixture proves the pipeline and the names, not a
quantisation. A suffix with "f16" (q4f16, fp16) gets float16 at the graph's boundary, as the
hub's float16 exports have: the decoder's cache and logits, the vision encoder's pixels and
features (a Cast at each), so the page's float16 handling runs on it."""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import shutil
import warnings
from pathlib import Path

import numpy as np
import onnx
import torch
from PIL import Image, ImageDraw
from transformers import DynamicCache

import tiny_smolvlm as tiny

OPSET = 18
NEW_TOKENS = 12
QUESTION = "What is in this image?"


class VisionEncoder(torch.nn.Module):
    """pixel_values [batch, images, 3, H, W], pixel_attention_mask [batch, images, H, W] (bool) →
    image_features [batch·images, 64, D]: the vision tower and the connector, so the features are
    already in the language model's embedding space. Every image given is taken as real (the
    processor pads no image for a single photo)."""

    def __init__(self, net):
        super().__init__()
        self.vision, self.connector, self.patch = net.model.vision_model, net.model.connector, tiny.PATCH

    def forward(self, pixel_values, pixel_attention_mask):
        b, n, c, h, w = pixel_values.shape
        pixels = pixel_values.reshape(b * n, c, h, w)
        mask = pixel_attention_mask.reshape(b * n, h, w)
        grid = mask.unfold(1, self.patch, self.patch).unfold(2, self.patch, self.patch)
        patch_mask = grid.sum(dim=(-1, -2)) > 0
        hidden = self.vision(pixel_values=pixels, patch_attention_mask=patch_mask).last_hidden_state
        return self.connector(hidden)


class EmbedTokens(torch.nn.Module):
    def __init__(self, net):
        super().__init__()
        self.embed = net.model.text_model.embed_tokens

    def forward(self, input_ids):
        return self.embed(input_ids)


class Decoder(torch.nn.Module):
    """inputs_embeds, attention_mask, position_ids, past_key_values.{i}.key/value → logits,
    present.{i}.key/value: one graph for the first step (empty past) and every later one."""

    def __init__(self, net):
        super().__init__()
        self.text, self.head, self.layers = net.model.text_model, net.lm_head, net.config.text_config.num_hidden_layers

    def forward(self, inputs_embeds, attention_mask, position_ids, *past):
        cache = DynamicCache()
        for i in range(self.layers):
            cache.update(past[2 * i], past[2 * i + 1], i)
        out = self.text(inputs_embeds=inputs_embeds, attention_mask=attention_mask, position_ids=position_ids,
                        cache=cache, use_cache=True)
        presents = []
        for layer in out.past_key_values.layers:
            presents += [layer.keys, layer.values]
        return (self.head(out.last_hidden_state), *presents)


def kv_names(layers: int, prefix: str):
    return [f"{prefix}.{i}.{kv}" for i in range(layers) for kv in ("key", "value")]


def shapes(inputs: list[str], axes: dict[str, dict[int, str]]):
    """The named dynamic axes of each input as torch.export's dimensions (one per name), shaped
    like forward()'s parameters: the decoder's cache tensors arrive together as *past."""
    dims: dict[str, torch.export.Dim] = {}

    def spec(name: str):
        return {axis: dims.setdefault(d, torch.export.Dim(d, min=0 if d.startswith("past") else 1))
                for axis, d in axes[name].items()}

    named = [spec(n) for n in inputs if not n.startswith("past_key_values.")]
    past = [spec(n) for n in inputs if n.startswith("past_key_values.")]
    return (*named, tuple(past)) if past else tuple(named)


def export(net, onnx_dir: Path):
    text = net.config.text_config
    layers, heads, dim = text.num_hidden_layers, text.num_key_value_heads, text.head_dim
    onnx_dir.mkdir(parents=True, exist_ok=True)
    past_in, past_out = kv_names(layers, "past_key_values"), kv_names(layers, "present")
    # Example sizes ≥ 2 everywhere: the exporter would fix a dimension of size 0 or 1.
    past = [torch.zeros(1, heads, 3, dim) for _ in past_in]
    graphs = {
        "vision_encoder": (VisionEncoder(net), (torch.randn(1, 2, 3, tiny.IMAGE_SIZE, tiny.IMAGE_SIZE),
                                                torch.ones(1, 2, tiny.IMAGE_SIZE, tiny.IMAGE_SIZE, dtype=torch.bool)),
                           ["pixel_values", "pixel_attention_mask"], ["image_features"],
                           {"pixel_values": {0: "batch_size", 1: "num_images", 3: "height", 4: "width"},
                            "pixel_attention_mask": {0: "batch_size", 1: "num_images", 2: "height", 3: "width"},
                            "image_features": {0: "batch_size_x_num_images"}}),
        "embed_tokens": (EmbedTokens(net), (torch.ones(1, 5, dtype=torch.long),), ["input_ids"], ["inputs_embeds"],
                         {"input_ids": {0: "batch_size", 1: "sequence_length"},
                          "inputs_embeds": {0: "batch_size", 1: "sequence_length"}}),
        "decoder_model_merged": (
            Decoder(net),
            (torch.randn(1, 5, text.hidden_size), torch.ones(1, 8, dtype=torch.long),
             torch.arange(3, 8).unsqueeze(0), *past),
            ["inputs_embeds", "attention_mask", "position_ids", *past_in], ["logits", *past_out],
            {"inputs_embeds": {0: "batch_size", 1: "sequence_length"},
             "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
             "position_ids": {0: "batch_size", 1: "sequence_length"},
             "logits": {0: "batch_size", 1: "sequence_length"},
             **{n: {0: "batch_size", 2: "past_sequence_length"} for n in past_in},
             **{n: {0: "batch_size", 2: "total_sequence_length"} for n in past_out}}),
    }
    logging.getLogger("torch.onnx").setLevel(logging.ERROR)
    for name, (graph, args, inputs, outputs, axes) in graphs.items():
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(graph, args, onnx_dir / f"{name}.onnx", input_names=inputs, output_names=outputs,
                              dynamic_shapes=shapes(inputs, axes), opset_version=OPSET, dynamo=True,
                              external_data=False, verbose=False)


# Which tensors the float16 variants carry as float16 (inputs_embeds stays float32, as the hub's
# "wrapped" float16 decoders take it).
HALF_IO = {
    "vision_encoder": (["pixel_values"], ["image_features"]),
    "embed_tokens": ([], []),
    "decoder_model_merged": (["past_key_values."], ["logits", "present."]),
}


def half_boundary(src: Path, dst: Path, name: str):
    """The graph with float16 in place of float32 at the named inputs and outputs (prefixes), and
    a Cast beside each, so the arithmetic inside is unchanged."""
    model = onnx.load(str(src))
    graph = model.graph
    inputs, outputs = HALF_IO[name]
    picked = lambda value, names: any(value.name == n or (n.endswith(".") and value.name.startswith(n)) for n in names)

    def rename(fields, old: str, new: str):
        for i, v in enumerate(fields):
            if v == old:
                fields[i] = new

    before, after = [], []
    for value in graph.input:
        if picked(value, inputs):
            inner = f"{value.name}_f32"
            for node in graph.node:
                rename(node.input, value.name, inner)
            before.append(onnx.helper.make_node("Cast", [value.name], [inner], to=onnx.TensorProto.FLOAT))
            value.type.tensor_type.elem_type = onnx.TensorProto.FLOAT16
    for value in graph.output:
        if picked(value, outputs):
            inner = f"{value.name}_f32"
            for node in graph.node:
                rename(node.output, value.name, inner)
                rename(node.input, value.name, inner)
            after.append(onnx.helper.make_node("Cast", [inner], [value.name], to=onnx.TensorProto.FLOAT16))
            value.type.tensor_type.elem_type = onnx.TensorProto.FLOAT16
    nodes = before + list(graph.node) + after
    graph.ClearField("node")
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def photo() -> Image.Image:
    """A fixed 640×480 picture: shapes on a gradient, enough structure for distinct tokens."""
    y, x = np.mgrid[0:480, 0:640]
    base = np.stack([(x * 255 // 639), (y * 255 // 479), ((x + y) * 255 // 1118)], -1).astype(np.uint8)
    img = Image.fromarray(base)
    draw = ImageDraw.Draw(img)
    draw.ellipse((60, 80, 220, 240), fill=(220, 30, 40))
    draw.rectangle((360, 200, 560, 420), fill=(30, 60, 200))
    draw.polygon([(300, 40), (380, 180), (220, 180)], fill=(250, 220, 20))
    return img


def greedy(net, embeds: torch.Tensor, steps: int):
    """transformers' decoder, step by step with its cache: position ids 0…L−1 for the prompt
    (the image tokens that remain packed together), then one more per new token."""
    text, head = net.model.text_model, net.lm_head
    cache = DynamicCache()
    length = embeds.shape[1]
    out = text(inputs_embeds=embeds, attention_mask=torch.ones(1, length, dtype=torch.long),
               position_ids=torch.arange(length).unsqueeze(0), cache=cache, use_cache=True)
    logits = head(out.last_hidden_state)
    first = logits[0, -1].clone()
    tokens, margins = [], []
    for step in range(steps):
        last = logits[0, -1]
        top = torch.topk(last, 2).values
        margins.append(float(top[0] - top[1]))
        token = int(last.argmax())
        tokens.append(token)
        total = length + step + 1
        out = text(inputs_embeds=text.embed_tokens(torch.tensor([[token]])),
                   attention_mask=torch.ones(1, total, dtype=torch.long),
                   position_ids=torch.tensor([[total - 1]]), cache=cache, use_cache=True)
        logits = head(out.last_hidden_state)
    return first, tokens, min(margins)


def reference(net, proc, out: Path):
    ref = out / "reference"
    ref.mkdir(parents=True, exist_ok=True)
    img = photo()
    img.save(ref / "photo.png")
    (ref / "photo.rgba").write_bytes(np.asarray(img.convert("RGBA")).tobytes())
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": QUESTION}]}]
    prompt = proc.apply_chat_template(messages, add_generation_prompt=True)
    enc = proc(text=prompt, images=[img], return_tensors="pt")
    ids = enc["input_ids"]
    image_pos = (ids[0] == net.config.image_token_id).nonzero().flatten()
    with torch.no_grad():
        features = net.model.get_image_features(enc["pixel_values"], enc["pixel_attention_mask"]).pooler_output[0]
        embeds = net.model.text_model.embed_tokens(ids).clone()
        embeds[0, image_pos] = features
        # The step-by-step path must be transformers' own forward pass and generate().
        whole = net(**enc).logits[0, -1]
        full_first, full_tokens, full_margin = greedy(net, embeds, NEW_TOKENS)
        assert torch.allclose(whole, full_first, atol=1e-5), "manual decoder differs from the model's forward"
        generated = net.generate(**enc, max_new_tokens=NEW_TOKENS, do_sample=False, min_new_tokens=NEW_TOKENS)
        assert generated[0, ids.shape[1]:].tolist() == full_tokens, "manual greedy differs from generate()"
        # A fixed pruned subset: every third image token plus the global view's first eight.
        n = len(image_pos)
        keep = sorted(set(range(0, n, 3)) | set(range(n - tiny.IMAGE_SEQ_LEN, n - tiny.IMAGE_SEQ_LEN + 8)))
        dropped = set(image_pos[[i for i in range(n) if i not in set(keep)]].tolist())
        rows = [p for p in range(ids.shape[1]) if p not in dropped]
        pruned_first, pruned_tokens, pruned_margin = greedy(net, embeds[:, rows], NEW_TOKENS)
    # Greedy tokens are compared exactly across runtimes: no step may hinge on a near-tie.
    assert min(full_margin, pruned_margin) > 1e-2, "a greedy step is a near-tie; change the seed"
    (ref / "pixel_values.f32").write_bytes(enc["pixel_values"].numpy().astype("<f4").tobytes())
    summary = {
        "question": QUESTION,
        "prompt": prompt,
        "photo": {"file": "photo.rgba", "width": img.width, "height": img.height},
        "input_ids": ids[0].tolist(),
        "pixel_values": {"file": "pixel_values.f32", "shape": list(enc["pixel_values"].shape),
                         "sha256": hashlib.sha256((ref / "pixel_values.f32").read_bytes()).hexdigest()},
        "image_features": {"shape": list(features.shape), "first": features[0, :8].tolist(),
                           "sum": float(features.double().sum())},
        "full": {"logits": full_first.tolist(), "tokens": full_tokens, "margin": full_margin},
        "pruned": {"keep": keep, "logits": pruned_first.tolist(), "tokens": pruned_tokens, "margin": pruned_margin},
    }
    (ref / "reference.json").write_text(json.dumps(summary) + "\n")
    return summary


def hub_files(proc, cfg, net, out: Path):
    """The configuration files as the hub repo has them (one JSON each), not transformers 5's
    combined processor file: the page reads these names."""
    proc.tokenizer.save_pretrained(out)
    cfg.save_pretrained(out)
    net.generation_config.save_pretrained(out)
    for stale in ("chat_template.jinja", "processor_config.json"):
        (out / stale).unlink(missing_ok=True)
    write = lambda name, value: (out / name).write_text(json.dumps(value, indent=2) + "\n")
    write("chat_template.json", {"chat_template": tiny.CHAT_TEMPLATE})
    write("processor_config.json", {"image_seq_len": tiny.IMAGE_SEQ_LEN, "processor_class": "Idefics3Processor"})
    write("preprocessor_config.json", {**proc.image_processor.to_dict(), "processor_class": "Idefics3Processor"})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", default="", help="comma-separated suffixes, e.g. _q4,_fp16")
    args = ap.parse_args()
    tok = tiny.tokenizer()
    cfg = tiny.config(tok)
    net = tiny.model(cfg)
    proc = tiny.processor(tok)
    args.out.mkdir(parents=True, exist_ok=True)
    hub_files(proc, cfg, net, args.out)
    export(net, args.out / "onnx")
    for suffix in filter(None, args.variants.split(",")):
        for name in ("vision_encoder", "embed_tokens", "decoder_model_merged"):
            src, dst = args.out / "onnx" / f"{name}.onnx", args.out / "onnx" / f"{name}{suffix}.onnx"
            if "f16" in suffix:
                half_boundary(src, dst, name)
            else:
                shutil.copyfile(src, dst)
    summary = reference(net, proc, args.out)
    print(f"tiny SmolVLM → {args.out}: {len(summary['input_ids'])} prompt tokens, "
          f"{summary['image_features']['shape'][0]} image tokens, greedy margins "
          f"{summary['full']['margin']:.3g} / {summary['pruned']['margin']:.3g}")


if __name__ == "__main__":
    main()
