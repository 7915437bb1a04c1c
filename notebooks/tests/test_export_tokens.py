"""export_tokens.py on tiny random LLaVA-1.5 / LLaVA-NeXT models: every exported field equals what
the model computes (output_hidden_states / output_attentions, not the exporter's hooks), the file
holds what the format says, and the TypeScript CLI reads it."""

import json
import shutil
import subprocess

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file

from conftest import ROOT
from export_tokens import export_tokens, instruction_positions, main, save_token_file
from tiny_llava import WORDS, tiny_image, tiny_llava, tiny_llava_next, tiny_processor, prompt_for

QUESTION = "what is the red thing ?"
BUILD = {"llava": tiny_llava, "next": tiny_llava_next}


@pytest.fixture(scope="module", params=["llava", "next"])
def case(request):
    kind = request.param
    model, processor = BUILD[kind](), tiny_processor(kind)
    image = tiny_image(40, 30)
    inputs, instruction = instruction_positions(processor, lambda q: prompt_for(processor, q), QUESTION, image)
    tensors, metadata = export_tokens(model, inputs["input_ids"], inputs["pixel_values"], inputs.get("image_sizes"), instruction=instruction)
    with torch.no_grad():
        out = model(**inputs, output_attentions=True, output_hidden_states=True)
    return kind, model, inputs, instruction, tensors, metadata, out


def vision_reference(model, inputs):
    """The vision tower's hidden states and attentions over every crop, run on its own."""
    pv = inputs["pixel_values"]
    if pv.dim() == 5:  # LLaVA-NeXT: (1, crops, C, H, W)
        pv = pv[0]
    with torch.no_grad():
        return model.model.vision_tower(pv, output_hidden_states=True, output_attentions=True)


def test_instruction_is_the_question(case):
    _, _, inputs, instruction, tensors, _, out = case
    assert [WORDS[i] for i in inputs["input_ids"][0, instruction]] == QUESTION.split()
    assert torch.equal(tensors["text"], out.hidden_states[0][0, instruction])


def test_features_are_the_llm_inputs_at_image_tokens(case):
    kind, model, inputs, _, tensors, _, out = case
    positions = tensors["positions"]
    image = inputs["input_ids"][0] == model.config.image_token_id
    assert image[positions].all()
    assert torch.equal(tensors["features"], out.hidden_states[0][0, positions])
    # …which are the projector's outputs of the penultimate-layer patch tokens, token by token.
    projected = model.model.multi_modal_projector(tensors["vision_features"])
    torch.testing.assert_close(tensors["features"], projected, rtol=0, atol=1e-6)
    left_out = image.nonzero().flatten()[~torch.isin(image.nonzero().flatten(), positions)]
    if kind == "llava":
        assert left_out.numel() == 0 and tensors["features"].shape == (36, 48)
    else:  # the rows left out are exactly LLaVA-NeXT's image_newline separators
        newline = model.model.image_newline
        assert left_out.numel() > 0 and torch.equal(out.hidden_states[0][0, left_out], newline.expand(left_out.numel(), -1))


def test_vision_fields_equal_the_tower(case):
    _, model, inputs, _, tensors, _, _ = case
    ref = vision_reference(model, inputs)
    patches = ref.hidden_states[-2][:, 1:]  # crops × hw × Dv, CLS dropped as LLaVA does
    cls = ref.attentions[-2].mean(dim=1)[:, 0, 1:]  # crops × hw: [CLS] row, heads averaged
    flat, flat_cls = patches.reshape(-1, patches.shape[-1]), cls.reshape(-1)
    # Find each exported token's (crop, patch) by its vision features, independently of the exporter.
    match = torch.cdist(tensors["vision_features"], flat).argmin(dim=1)
    assert torch.equal(tensors["vision_features"], flat[match])
    assert match.unique().numel() == match.numel()
    assert torch.equal(tensors["cls_attn"], flat_cls[match])


def test_text_attention_is_fastv_layer_last_token(case):
    _, _, _, _, tensors, metadata, out = case
    layer = int(metadata["text_attn_layer"])
    assert layer == 1
    ref = out.attentions[layer][0].mean(dim=0)[-1]
    assert torch.equal(tensors["text_attn"], ref[tensors["positions"]])


def test_layout(case):
    kind, _, _, _, tensors, metadata, _ = case
    layout = json.loads(metadata["tops.layout"])
    n = tensors["features"].shape[0]
    if kind == "llava":
        assert layout == {"grid": [6, 6]}
    else:
        base, tiles = layout["views"]
        assert base["grid"] == [6, 6] and base["name"] == "base"
        rows, cols = tiles["grid"]
        assert 36 + rows * cols == n and cols <= 12 and rows <= 12


@pytest.mark.parametrize("dtype,torch_dtype", [("f32", torch.float32), ("f16", torch.float16), ("bf16", torch.bfloat16)])
def test_file_holds_the_tensors(case, tmp_path, dtype, torch_dtype):
    _, _, _, _, tensors, metadata, _ = case
    png = _png_bytes()
    path = tmp_path / "t.safetensors"
    save_token_file(path, tensors, metadata, dtype, png)
    loaded = load_file(str(path))
    for name, t in tensors.items():
        want = t.to(torch_dtype) if t.is_floating_point() else t
        assert torch.equal(loaded[name], want), name
    assert bytes(loaded["image"].numpy()) == png
    with safe_open(str(path), "pt") as f:
        meta = f.metadata()
    assert meta["tops.format"] == "tops-tokens/1" and meta["tops.image_mime"] == "image/png"


def _png_bytes():
    import io

    buf = io.BytesIO()
    tiny_image(8, 8).save(buf, format="PNG")
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["llava", "next"])
def test_command_line_and_typescript_cli(kind, tmp_path):
    """main() on a saved tiny checkpoint (config, weights, processor), then `npm run prune` on its file."""
    model_dir = tmp_path / "model"
    BUILD[kind]().save_pretrained(model_dir)
    tiny_processor(kind).save_pretrained(model_dir)
    image = tmp_path / "image.png"
    tiny_image(40, 30).save(image)
    out = tmp_path / "tokens.safetensors"
    main(["--model", str(model_dir), "--image", str(image), "--prompt", QUESTION, "--out", str(out), "--dtype", "f16"])
    with safe_open(str(out), "pt") as f:
        meta = f.metadata()
        text = f.get_tensor("text")
    assert meta["instruction"] == QUESTION and meta["model"] == str(model_dir)
    embed = BUILD[kind]().get_input_embeddings().weight
    assert torch.equal(text, embed[[WORDS.index(w) for w in QUESTION.split()]].half())

    node = ROOT / "node_modules" / ".bin" / "node"
    if not node.exists() and shutil.which("node") is None:
        pytest.skip("no node to run the TypeScript CLI")
    result = subprocess.run(
        [str(node if node.exists() else "node"), "scripts/prune.ts", "--in", str(out), "--methods", "all", "--k", "9", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["tokens"]["dtypes"]["features"] == "F16" and sorted(report["tokens"]["extras"]) == ["positions", "vision_features"]
    rows = {r["method"]: r for r in report["rows"]}
    assert len(rows["tops"]["kept"]) == 9 and rows["tops"]["kept"] == sorted(rows["tops"]["kept"])
    assert ("skipped" in rows["pool"]) == (kind == "next")


def test_committed_fixtures_reproduce(tmp_path):
    """tests/fixtures/tokens/ is what make_token_fixtures.py writes (tensors and metadata; the
    header's byte order is not fixed, as safetensors writes __metadata__ from a hash map). F32
    tensors agree to float rounding, not bit for bit: torch's CPU kernels differ between CPU
    models (AVX-512 or AVX2 reductions), which moves the last bits of attention and projections
    (measured: up to 8e-9 on values of 0.03). Rounded copies (F16, BF16) and integers are exact."""
    from make_token_fixtures import main as make_fixtures

    make_fixtures(["--out", str(tmp_path)])
    committed = ROOT / "tests" / "fixtures" / "tokens"
    names = sorted(p.name for p in committed.glob("*.safetensors"))
    assert names == sorted(p.name for p in tmp_path.glob("*.safetensors"))
    for name in names:
        with safe_open(str(committed / name), "pt") as a, safe_open(str(tmp_path / name), "pt") as b:
            assert a.metadata() == b.metadata(), name
            assert sorted(a.keys()) == sorted(b.keys()), name
            for key in a.keys():
                x, y = a.get_tensor(key), b.get_tensor(key)
                if x.dtype == torch.float32:
                    assert torch.allclose(x, y, rtol=1e-5, atol=1e-8), f"{name}:{key}"
                else:
                    assert torch.equal(x, y), f"{name}:{key}"
