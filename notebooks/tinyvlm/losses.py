"""Training objectives. The answer loss trains the reasoner; the alignment losses put patch tokens
and text token embeddings in one space, which is what the pruning engine's relevance reads."""
import torch
import torch.nn.functional as F


def answer_loss(logits, answers, valid):
    return F.cross_entropy(logits[valid], answers[valid])


def pooled(token_embeds, tokens):
    """Mean over non-pad tokens, unit length."""
    keep = (tokens != 0).unsqueeze(-1).to(token_embeds.dtype)
    return F.normalize((token_embeds * keep).sum(1) / keep.sum(1).clamp(min=1), dim=-1)


def object_contrastive(patch_tokens, o_image, o_mask, caption_embeds, captions, logit_scale):
    """CLIP-style InfoNCE between each object's mask-averaged patch tokens and its caption.

    Objects with identical captions (same attributes) are all positives of each other."""
    m = o_mask.to(patch_tokens.dtype)
    visible = m.sum(1) > 0
    m, o_image = m[visible], o_image[visible]
    captions, caption_embeds = captions[visible], caption_embeds[visible]
    obj = torch.einsum("np,npd->nd", m / m.sum(1, keepdim=True), patch_tokens[o_image])
    obj = F.normalize(obj, dim=-1)
    txt = pooled(caption_embeds, captions)
    logits = logit_scale.exp().clamp(max=100) * obj @ txt.T
    same = (captions[:, None, :] == captions[None, :, :]).all(-1).to(logits.dtype)
    target = same / same.sum(1, keepdim=True)
    return 0.5 * (soft_ce(logits, target) + soft_ce(logits.T, target.T))


def soft_ce(logits, target):
    return -(target * logits.log_softmax(-1)).sum(-1).mean()


def relevance(patch_tokens, image, token_embeds, tokens):
    """Per patch, max cosine over a text's non-pad tokens: the pruning engine's relevance before
    its min-max normalization. Text s is about image image[s]: patch_tokens [B,N,D], token_embeds
    [S,L,D] -> [S,N]. Texts are grouped by image so each image's patches are read once rather than
    copied per text (at 576 patches and ~20 objects a scene the copies dominated a step)."""
    slot = torch.arange(len(image)) - torch.searchsorted(image, image)  # rank among its image's texts
    B, (S, L, D) = patch_tokens.shape[0], token_embeds.shape
    grouped = token_embeds.new_zeros(B, int(slot.max()) + 1, L, D)
    grouped[image, slot] = F.normalize(token_embeds, dim=-1)
    pad = torch.ones(B, grouped.shape[1], L, dtype=torch.bool)
    pad[image, slot] = tokens == 0
    cos = torch.einsum("bnd,bold->bnol", F.normalize(patch_tokens, dim=-1), grouped)
    cos = cos.masked_fill(pad[:, None], -2.0).max(-1).values  # [B,N,O]
    return cos[image, :, slot]


def patch_alignment(patch_tokens, image, token_embeds, tokens, masks, scale, bias):
    """Per-patch sigmoid loss: patches of the object(s) a text is about must be closer to that
    text's tokens than background and distractor patches. Positives and negatives are averaged
    separately because an object covers only a few of the patches."""
    logits = scale.exp() * relevance(patch_tokens, image, token_embeds, tokens) + bias
    target = masks.to(logits.dtype)
    per = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    pos = (per * target).sum() / target.sum().clamp(min=1)
    neg = (per * (1 - target)).sum() / (1 - target).sum().clamp(min=1)
    return pos + neg


def attention(text_attn, masks):
    """The reasoner's layer-2 attention from the last question token (renormalized over the visual
    tokens) should fall on the patches the question is about. Without this the reasoner sits on
    the answer priors for many steps before it learns where to look; it also makes `text_attn`,
    the signal FastV prunes with, point at the asked-about object. Questions about nothing (a
    "no" existence, a zero count) have no target."""
    keep = masks.any(1)
    a, m = text_attn[keep], masks[keep].to(text_attn.dtype)
    share = (a * m).sum(1) / a.sum(1).clamp(min=1e-9)
    return -share.clamp(min=1e-6).log().mean()


def bag_of_words(cls_logits, words):
    """[CLS] predicts which caption words occur in the scene (multi-label)."""
    return F.binary_cross_entropy_with_logits(cls_logits, words)


def centers(center_logits, target):
    """Per patch: does an object's centre lie here (helps counting, one hit per object)."""
    return F.binary_cross_entropy_with_logits(center_logits, target)


def top_object(o_mask, o_image, batch):
    """Per (image, patch): the row of the last-drawn object whose mask holds the patch, or -1.
    Objects come in drawing order, so the last one is the one on top."""
    rows = torch.arange(len(o_mask))[:, None].expand_as(o_mask)
    rows = torch.where(o_mask, rows, -1)
    out = torch.full((batch, o_mask.shape[1]), -1, dtype=torch.int64)
    return out.scatter_reduce(0, o_image[:, None].expand_as(rows), rows, reduce="amax")


def patch_words(word_logits, o_mask, o_image, captions, vocab):
    """Per patch, multi-label: the caption words of the object on top there (none on background)."""
    hot = torch.zeros(len(captions) + 1, vocab)
    hot[torch.arange(len(captions)).repeat_interleave(captions.shape[1]), captions.flatten()] = 1.0
    hot[:, 0] = 0.0  # padding
    top = top_object(o_mask, o_image, word_logits.shape[0])
    return F.binary_cross_entropy_with_logits(word_logits, hot[top])  # row -1 is the empty last row


def gates(gate_logits, masks):
    """The gated pool opens on the patches the question is about and stays shut elsewhere
    (positives and negatives averaged separately; an empty mask has only negatives)."""
    target = masks.to(gate_logits.dtype)
    per = F.binary_cross_entropy_with_logits(gate_logits, target, reduction="none")
    pos = (per * target).sum() / target.sum().clamp(min=1)
    neg = (per * (1 - target)).sum() / (1 - target).sum().clamp(min=1)
    return pos + neg


# World 2's caption grammar ("size [pattern] colour shape", "colour plate glyph"): the word groups
# a patch is classified on. The multi-label loss above is mostly background (87 % of patches); these
# cross-entropies are over object patches only, one per attribute the object's caption names.
CAPTION_GROUPS = {
    "colour": ["red", "green", "blue", "yellow", "purple", "orange", "cyan", "white"],
    "kind": ["circle", "square", "triangle", "diamond", "star", "cross", "ring", "hexagon", "plate"],
    "size": ["tiny", "small", "medium", "large"],
    "glyph": list("0123456789efhkpx"),
}


def caption_groups(words):
    """Word ids of each caption group, as far as a vocabulary has its words (the tests' small
    vocabularies hold a few)."""
    groups = ([words.index(w) for w in group if w in words] for group in CAPTION_GROUPS.values())
    return [torch.tensor(ids) for ids in groups if ids]


def patch_word_groups(word_logits, o_mask, o_image, captions, groups):
    """Per object patch and word group: cross-entropy over the group's words, where the caption of
    the object on top there names one (a plate has no size, a shape no glyph)."""
    top = top_object(o_mask, o_image, word_logits.shape[0]).flatten()
    on_object = top >= 0
    logits = word_logits.flatten(0, 1)[on_object]
    caption = captions[top[on_object]]
    total = word_logits.new_zeros(())
    for group in groups:
        member = (caption[:, :, None] == group).any(1)  # [P, |group|]
        named = member.any(1)
        if named.any():
            total = total + F.cross_entropy(logits[named][:, group], member[named].float().argmax(1))
    return total / len(groups)
