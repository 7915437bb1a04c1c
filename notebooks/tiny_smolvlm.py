"""A tiny random-weight SmolVLM (Idefics3: SigLIP-style vision tower → pixel-shuffle connector →
Llama decoder) built from a config, with a byte-level BPE tokenizer that has SmolVLM's special
tokens and chat template. Nothing is downloaded: the real SmolVLM-256M-Instruct is the same
architecture with other sizes and trained numbers, so a pipeline that reproduces this model's
logits reproduces the real one's graph."""

from __future__ import annotations

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import Idefics3Config, Idefics3ForConditionalGeneration, Idefics3Processor, PreTrainedTokenizerFast
from transformers.models.idefics3.image_processing_pil_idefics3 import Idefics3ImageProcessorPil

# SmolVLM-256M-Instruct's geometry where it shapes the pipeline: 512-pixel tiles of 16-pixel
# patches (32×32), pixel shuffle by 4 → 64 image tokens per tile; long edge resized to 2,048.
IMAGE_SIZE, PATCH, SCALE_FACTOR = 512, 16, 4
IMAGE_SEQ_LEN = (IMAGE_SIZE // PATCH) ** 2 // SCALE_FACTOR**2
LONGEST_EDGE = 4 * IMAGE_SIZE

# The special tokens SmolVLM's tokenizer carries, in the roles the processor and template use them.
BASE_SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
IMAGE_SPECIAL = ["<fake_token_around_image>", "<image>", "<end_of_utterance>", "<global-img>"] + [
    f"<row_{r}_col_{c}>" for r in range(1, 7) for c in range(1, 7)
]
BOS, EOS, PAD = "<|im_start|>", "<end_of_utterance>", "<|im_end|>"

# SmolVLM's chat template: "<|im_start|>User:<image>question<end_of_utterance>\nAssistant:".
CHAT_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{message['role'] | capitalize}}"
    "{% if message['content'][0]['type'] == 'image' %}{{':'}}{% else %}{{': '}}{% endif %}"
    "{% for line in message['content'] %}{% if line['type'] == 'text' %}{{line['text']}}"
    "{% elif line['type'] == 'image' %}{{ '<image>' }}{% endif %}{% endfor %}<end_of_utterance>\n"
    "{% endfor %}{% if add_generation_prompt %}{{ 'Assistant:' }}{% endif %}"
)

CORPUS = [
    "User: What is in this image? Assistant: A cat sitting on a red chair.",
    "What colour is the car? The car is blue. How many people are there? There are two people.",
    "Describe the photo in one sentence. An astronaut holds a helmet in front of a flag.",
    "Is there a cup of coffee on the table? Yes, a white cup on a saucer.",
    "The rocket stands on the launch pad under a clear sky, ready for take-off.",
    "Coins lie on a dark cloth; some are round and some are worn at the edges.",
    "Where is the dog? The dog is to the left of the tree, near the fence.",
]


def tokenizer(vocab_size: int = 640) -> PreTrainedTokenizerFast:
    """Byte-level BPE trained on a few sentences: any text encodes, and the special tokens are
    single ids exactly as in SmolVLM's tokenizer."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=BASE_SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(CORPUS * 4, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=BOS, eos_token=EOS, pad_token=PAD,
                                   unk_token="<|endoftext|>")
    fast.add_special_tokens({"additional_special_tokens": IMAGE_SPECIAL})
    fast.chat_template = CHAT_TEMPLATE
    return fast


def processor(tok: PreTrainedTokenizerFast) -> Idefics3Processor:
    images = Idefics3ImageProcessorPil(
        size={"longest_edge": LONGEST_EDGE}, max_image_size={"longest_edge": IMAGE_SIZE},
        do_image_splitting=True, image_mean=[0.5, 0.5, 0.5], image_std=[0.5, 0.5, 0.5],
    )
    return Idefics3Processor(image_processor=images, tokenizer=tok, image_seq_len=IMAGE_SEQ_LEN,
                             chat_template=CHAT_TEMPLATE)


def config(tok: PreTrainedTokenizerFast) -> Idefics3Config:
    ids = {t: tok.convert_tokens_to_ids(t) for t in (BOS, EOS, PAD, "<image>")}
    vision = dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
                  image_size=IMAGE_SIZE, patch_size=PATCH, num_channels=3)
    text = dict(model_type="llama", vocab_size=len(tok), hidden_size=64, intermediate_size=128,
                num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, head_dim=16,
                max_position_embeddings=8192, rms_norm_eps=1e-5, rope_theta=100000.0,
                bos_token_id=ids[BOS], eos_token_id=ids[EOS], pad_token_id=ids[PAD], tie_word_embeddings=True)
    return Idefics3Config(vision_config=vision, text_config=text, scale_factor=SCALE_FACTOR,
                          image_token_id=ids["<image>"], tie_word_embeddings=True,
                          bos_token_id=ids[BOS], eos_token_id=ids[EOS], pad_token_id=ids[PAD])


def model(cfg: Idefics3Config, seed: int = 0) -> Idefics3ForConditionalGeneration:
    torch.manual_seed(seed)
    net = Idefics3ForConditionalGeneration(cfg)
    net.config.text_config._attn_implementation = "eager"
    net.config.vision_config._attn_implementation = "eager"
    return net.eval()
