"""Full-token answer accuracy, overall and per question type, with chance levels beside it."""
from collections import Counter

import numpy as np
import torch

from .data import Scenes, make_batch


def answer_sets(train: Scenes):
    """Per question type, the answers that type takes in the training split."""
    return {t: sorted(set(train.q_answer[train.q_type == i].tolist())) for i, t in enumerate(train.types)}


@torch.no_grad()
def predict(model, data: Scenes, mean, std, limit=None, batch=64):
    """Returns predicted answer id per question row (-1 for rows beyond `limit` scenes)."""
    model.eval()
    n = len(data) if limit is None else min(limit, len(data))
    pred = np.full(len(data.q_answer), -1, dtype=np.int64)
    for start in range(0, n, batch):
        b = make_batch(data, np.arange(start, min(n, start + batch)), mean, std)
        patch_tokens, _, _ = model.vision(b.pixels)
        positions = torch.arange(patch_tokens.shape[1]).expand(patch_tokens.shape[0], -1)
        logits, _ = model.reasoner(patch_tokens, positions, b.questions, b.last)
        rows = b.q_rows[b.q_valid.numpy()]
        pred[rows] = logits.argmax(-1)[b.q_valid].numpy()
    model.train()
    return pred


def report(data: Scenes, pred, answers_by_type):
    seen = pred >= 0
    out = {"accuracy": float((pred[seen] == data.q_answer[seen]).mean()), "questions": int(seen.sum())}
    by_type = {}
    for i, t in enumerate(data.types):
        rows = seen & (data.q_type == i)
        if not rows.any():
            continue
        truth = data.q_answer[rows]
        majority = Counter(truth.tolist()).most_common(1)[0][1] / len(truth)
        by_type[t] = {
            "accuracy": float((pred[rows] == truth).mean()),
            "questions": int(rows.sum()),
            "chance": 1.0 / max(1, len(answers_by_type[t])),
            "majority": float(majority),
        }
    out["byType"] = by_type
    # Overall chance: each question's uniform chance, averaged over the questions asked.
    out["chance"] = float(sum(v["chance"] * v["questions"] for v in by_type.values()) / out["questions"])
    return out
