"""Writes a small dataset in the SynthScenes export format (random pixels, random labels) so the
model, training and export code are tested without the TypeScript exporter."""
import json

import numpy as np

WORDS = ["<pad>", "what", "color", "is", "the", "shape", "how", "many", "are", "there", "red", "blue",
         "green", "circle", "square", "star", "small", "large", "?", "objects"]
ANSWERS = ["red", "blue", "green", "circle", "square", "star", "yes", "no", "0", "1", "2", "3", "4", "5",
           "top-left", "top-right", "bottom-left", "bottom-right", "center"]
TYPES = ["color", "shape", "exists", "count", "position"]


def write_fake(out, count=8, seed=0, split="test"):
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    meta = {"format": 1, "split": split, "seeds": [seed, count], "count": count, "imageSize": 224,
            "patch": 16, "grid": [14, 14], "questionTypes": TYPES,
            "files": {"images": "images.u8", "labels": "labels.jsonl", "vocab": "vocab.json"}}
    (out / "meta.json").write_text(json.dumps(meta))
    (out / "vocab.json").write_text(json.dumps({"words": WORDS, "answers": ANSWERS, "questionTypes": TYPES}))
    rng.integers(0, 256, size=(count, 224, 224, 3), dtype=np.uint8).tofile(out / "images.u8")
    with open(out / "labels.jsonl", "w") as f:
        for s in range(count):
            objects = [
                {"shape": "circle", "color": "red", "size": "small", "pattern": "plain",
                 "cx": int(rng.integers(0, 224)), "cy": int(rng.integers(0, 224)),
                 "caption": rng.integers(10, 18, size=int(rng.integers(2, 4))).tolist(),
                 "mask": sorted(set(rng.integers(0, 196, size=int(rng.integers(0, 6))).tolist()))}
                for _ in range(int(rng.integers(2, 5)))
            ]
            questions = [
                {"type": TYPES[int(rng.integers(0, 5))], "text": "what color is the circle ?",
                 "tokens": rng.integers(1, len(WORDS), size=int(rng.integers(3, 9))).tolist(),
                 "answer": int(rng.integers(0, len(ANSWERS))), "answerText": "red",
                 "mask": sorted(set(rng.integers(0, 196, size=int(rng.integers(0, 6))).tolist()))}
                for _ in range(int(rng.integers(1, 5)))
            ]
            f.write(json.dumps({"seed": seed + s, "objects": objects, "questions": questions}) + "\n")
    return out


FAMILIES = ["attribute", "count", "relation", "exist", "glyph"]


def write_fake2(out, count=8, seed=0, split="train", grid=24):
    """The same in world 2's format 2 (384 px views, families, positions in the scene description)."""
    rng = np.random.default_rng(seed)
    size, tokens = grid * 16, grid * grid
    out.mkdir(parents=True, exist_ok=True)
    meta = {"format": 2, "world": 2, "split": split, "seeds": [seed, count], "count": count, "imageSize": size,
            "patch": 16, "grid": [grid, grid], "tokens": tokens, "questionFamilies": FAMILIES,
            "files": {"images": "images.u8", "anyres": None, "labels": "labels.jsonl", "vocab": "vocab.json"}}
    (out / "meta.json").write_text(json.dumps(meta))
    (out / "vocab.json").write_text(json.dumps({"words": WORDS, "answers": ANSWERS, "questionFamilies": FAMILIES}))
    rng.integers(0, 256, size=(count, size, size, 3), dtype=np.uint8).tofile(out / "images.u8")

    def mask():
        return sorted(set(rng.integers(0, tokens, size=int(rng.integers(0, 6))).tolist()))

    with open(out / "labels.jsonl", "w") as f:
        for s in range(count):
            n = int(rng.integers(2, 6))
            places = [{"kind": "shape", "cx": int(rng.integers(0, size)), "cy": int(rng.integers(0, size))} for _ in range(n)]
            objects = [{"caption": rng.integers(10, 18, size=int(rng.integers(2, 4))).tolist(), "mask": mask()}
                       for _ in range(n)]
            questions = [{"family": FAMILIES[int(rng.integers(0, 5))], "text": "how many circles are there ?",
                          "tokens": rng.integers(1, len(WORDS), size=int(rng.integers(3, 9))).tolist(),
                          "answer": int(rng.integers(0, len(ANSWERS))), "answerText": "2", "mask": mask()}
                         for _ in range(int(rng.integers(1, 5)))]
            f.write(json.dumps({"seed": seed + s, "scene": {"world": 2, "objects": places},
                                "objects": objects, "questions": questions}) + "\n")
    return out
