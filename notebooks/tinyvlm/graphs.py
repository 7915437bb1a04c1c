"""The three exported graphs, as thin wrappers fixing the batch of one the runtime uses."""
import torch
from torch import nn


class VisionGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.vision = model.vision

    def forward(self, pixels):
        patch_tokens, cls_attn, _ = self.vision(pixels)
        return patch_tokens, cls_attn


class TextGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.text = model.text

    def forward(self, tokens):
        return self.text(tokens)


class ReasonerGraph(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.reasoner = model.reasoner

    def forward(self, visual, positions, question):
        # The answer is read at the question's last token; the runtime never pads.
        last = torch.zeros(1, 1, dtype=torch.int64) + (question.shape[1] - 1)
        logits, text_attn = self.reasoner(visual, positions, question.unsqueeze(1), last)
        return logits[:, 0], text_attn[:, 0]


INPUTS = {
    "vision": (["pixels"], ["patch_tokens", "cls_attn"]),
    "text": (["tokens"], ["token_embeds"]),
    "reasoner": (["visual", "positions", "question"], ["logits", "text_attn"]),
}
DYNAMIC = {
    "vision": {},
    "text": {"tokens": {1: "L"}, "token_embeds": {1: "L"}},
    "reasoner": {"visual": {1: "k"}, "positions": {1: "k"}, "question": {1: "L"}, "text_attn": {1: "k"}},
}


def graphs(model):
    return {"vision": VisionGraph(model), "text": TextGraph(model), "reasoner": ReasonerGraph(model)}


def example_inputs(name, cfg):
    if name == "vision":
        return (torch.randn(1, 3, cfg.image, cfg.image),)
    if name == "text":
        return (torch.tensor([[1, 2, 3, 4, 5]], dtype=torch.int64),)
    k = 50
    return (torch.randn(1, k, cfg.dim), torch.arange(0, cfg.tokens, 4)[:k].unsqueeze(0), torch.tensor([[1, 2, 3, 4]]))
