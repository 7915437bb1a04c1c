"""Tiny random LLaVA-1.5 and LLaVA-NeXT models built from configs (no download), with processors
whose tokenizer is a word-level vocabulary made here. The exporter's tests and the committed token
fixtures (make_token_fixtures.py) use them; a real checkpoint is the same architecture, larger."""

from __future__ import annotations

import numpy as np
import torch
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import (
    CLIPVisionConfig, LlamaConfig, LlavaConfig, LlavaForConditionalGeneration, LlavaNextConfig,
    LlavaNextForConditionalGeneration, LlavaNextProcessor, LlavaProcessor, PreTrainedTokenizerFast,
)
from transformers.models.clip.image_processing_pil_clip import CLIPImageProcessorPil
from transformers.models.llava_next.image_processing_pil_llava_next import LlavaNextImageProcessorPil

WORDS = ["<unk>", "<s>", "</s>", "<image>", "USER:", "ASSISTANT:", "what", "is", "the", "red", "blue",
         "thing", "left", "of", "circle", "?", "how", "many"]
IMAGE_SIZE, PATCH = 24, 4  # 6×6 = 36 patch tokens per crop
PINPOINTS = [[24, 48], [48, 24], [48, 48]]
CHAT_TEMPLATE = (
    "{% for m in messages %}{{ m['role'].upper() }}: {% for c in m['content'] %}"
    "{% if c['type'] == 'image' %}<image> {% else %}{{ c['text'] }} {% endif %}{% endfor %}{% endfor %}"
    "{% if add_generation_prompt %}ASSISTANT:{% endif %}"
)


def _configs():
    vision = CLIPVisionConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=3, num_attention_heads=4,
                              image_size=IMAGE_SIZE, patch_size=PATCH)
    text = LlamaConfig(vocab_size=len(WORDS), hidden_size=48, intermediate_size=96, num_hidden_layers=3,
                       num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024)
    common = dict(vision_config=vision, text_config=text, image_token_id=WORDS.index("<image>"),
                  vision_feature_layer=-2, vision_feature_select_strategy="default")
    return common


def tiny_llava(seed=0):
    torch.manual_seed(seed)
    return LlavaForConditionalGeneration._from_config(LlavaConfig(**_configs()), attn_implementation="eager").eval()


def tiny_llava_next(seed=0):
    torch.manual_seed(seed)
    config = LlavaNextConfig(**_configs(), image_grid_pinpoints=PINPOINTS)
    return LlavaNextForConditionalGeneration._from_config(config, attn_implementation="eager").eval()


def tiny_tokenizer():
    tk = Tokenizer(models.WordLevel({w: i for i, w in enumerate(WORDS)}, unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="<unk>", bos_token="<s>", eos_token="</s>",
                                   extra_special_tokens={"image_token": "<image>"})


def tiny_processor(kind):
    size = {"shortest_edge": IMAGE_SIZE}
    crop = {"height": IMAGE_SIZE, "width": IMAGE_SIZE}
    common = dict(tokenizer=tiny_tokenizer(), patch_size=PATCH, vision_feature_select_strategy="default",
                  image_token="<image>", num_additional_image_tokens=1, chat_template=CHAT_TEMPLATE)
    if kind == "llava":
        return LlavaProcessor(image_processor=CLIPImageProcessorPil(size=size, crop_size=crop), **common)
    return LlavaNextProcessor(image_processor=LlavaNextImageProcessorPil(size=size, crop_size=crop, image_grid_pinpoints=PINPOINTS), **common)


def tiny_image(width, height, seed=0):
    """A smooth random RGB image (PIL), so neighbouring patches resemble each other."""
    from PIL import Image

    rng = np.random.default_rng(seed)
    coarse = rng.random((4, 4, 3))
    ys, xs = np.linspace(0, 3, height), np.linspace(0, 3, width)
    y0, x0 = np.floor(ys).astype(int).clip(0, 2), np.floor(xs).astype(int).clip(0, 2)
    fy, fx = (ys - y0)[:, None, None], (xs - x0)[None, :, None]
    img = (coarse[y0][:, x0] * (1 - fy) * (1 - fx) + coarse[y0 + 1][:, x0] * fy * (1 - fx)
           + coarse[y0][:, x0 + 1] * (1 - fy) * fx + coarse[y0 + 1][:, x0 + 1] * fy * fx)
    return Image.fromarray((img * 255).astype(np.uint8))


def prompt_for(processor, question):
    conversation = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    return processor.apply_chat_template(conversation, add_generation_prompt=True)
