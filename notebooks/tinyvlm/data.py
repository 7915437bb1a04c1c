"""Reads a SynthScenes export (meta.json, vocab.json, images.u8, labels.jsonl) into compact arrays:
world 1's format 1 (224 px, 14x14 patches) or world 2's format 2 (its 384 px views, 24x24).

Labels are packed once into padded numpy arrays so a training step only gathers rows; pixels stay
in a memory map and are read per batch."""
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch



# The word rule behind every token id the model was trained on. Training reads ids, not text: the
# SynthScenes export numbered each question and caption with its own splitWords
# (src/scenes/vocab.ts): lowercase, then the runs of [a-z0-9-]. export.py writes this rule into the
# manifest so the runtime tokenizes from the manifest alone; tests/test_parity.py checks that it
# reproduces the exported ids.
TOKENIZER = {"kind": "words", "lowercase": True, "pattern": "[a-z0-9-]+", "unknown": "<unk>"}


def tokenize(text, words, rule=TOKENIZER):
    """Word ids of `text` under a manifest's tokenizer rule; words outside `words` get the unknown id."""
    ids = {w: i for i, w in enumerate(words)}
    found = re.findall(rule["pattern"], text.lower() if rule["lowercase"] else text)
    return [ids.get(w, ids[rule["unknown"]]) for w in found]


def load_vocab(path):
    return json.loads((Path(path) / "vocab.json").read_text())


def mask_row(indices, tokens):
    row = np.zeros(tokens, dtype=bool)
    row[np.asarray(indices, dtype=np.int64)] = True
    return row


def pad_rows(rows, width):
    out = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


@dataclass
class Scenes:
    """One split. Questions and objects are flat tables pointing back to their scene."""

    root: Path
    meta: dict
    vocab: dict
    types: list  # question type names (world 2 calls them families)
    grid: int  # patches per side
    images: np.ndarray  # [S,H,W,3] uint8 memmap
    seeds: np.ndarray  # [S]
    q_scene: np.ndarray  # [NQ] scene index
    q_tokens: np.ndarray  # [NQ,Lq] word ids, 0-padded at the end
    q_len: np.ndarray  # [NQ]
    q_answer: np.ndarray  # [NQ]
    q_type: np.ndarray  # [NQ] index into types
    q_mask: np.ndarray  # [NQ,grid^2] bool, the patches the question is about
    q_text: list
    o_scene: np.ndarray  # [NO]
    o_caption: np.ndarray  # [NO,Lc]
    o_mask: np.ndarray  # [NO,grid^2] bool
    o_center: np.ndarray  # [NO] patch index holding the object's centre
    scene_questions: list  # per scene: question row indices
    scene_objects: list  # per scene: object row indices

    def __len__(self):
        return len(self.seeds)

    @property
    def max_question(self):
        return self.q_tokens.shape[1]


def load_scenes(root) -> Scenes:
    root = Path(root)
    meta = json.loads((root / "meta.json").read_text())
    vocab = load_vocab(root)
    size, patch, grid = meta["imageSize"], meta["patch"], meta["grid"][0]
    assert meta["grid"] == [grid, grid] and size == grid * patch, meta
    names = vocab.get("questionTypes") or vocab["questionFamilies"]
    types = {t: i for i, t in enumerate(names)}
    count = meta["count"]
    images = np.memmap(root / "images.u8", dtype=np.uint8, mode="r", shape=(count, size, size, 3))
    seeds, q, o = [], [], []
    scene_questions, scene_objects = [], []
    with open(root / "labels.jsonl") as f:
        for s, line in enumerate(f):
            scene = json.loads(line)
            seeds.append(scene["seed"])
            scene_questions.append(list(range(len(q), len(q) + len(scene["questions"]))))
            scene_objects.append(list(range(len(o), len(o) + len(scene["objects"]))))
            q.extend((s, x) for x in scene["questions"])
            # World 2 keeps each object's position in its scene description (same order).
            places = scene["scene"]["objects"] if "scene" in scene else scene["objects"]
            o.extend((s, {**x, "cx": p["cx"], "cy": p["cy"]}) for x, p in zip(scene["objects"], places))
    assert len(seeds) == count, (len(seeds), count)
    q_tokens = [x["tokens"] for _, x in q]
    captions = [x["caption"] for _, x in o]
    centers = [
        min(int(x["cy"]) // patch, grid - 1) * grid + min(int(x["cx"]) // patch, grid - 1) for _, x in o
    ]
    return Scenes(
        root=root,
        meta=meta,
        vocab=vocab,
        types=names,
        grid=grid,
        images=images,
        seeds=np.asarray(seeds, dtype=np.int64),
        q_scene=np.asarray([s for s, _ in q], dtype=np.int64),
        q_tokens=pad_rows(q_tokens, max(map(len, q_tokens))),
        q_len=np.asarray([len(t) for t in q_tokens], dtype=np.int64),
        q_answer=np.asarray([x["answer"] for _, x in q], dtype=np.int64),
        q_type=np.asarray([types[x.get("type") or x["family"]] for _, x in q], dtype=np.int64),
        q_mask=np.stack([mask_row(x["mask"], grid * grid) for _, x in q]),
        q_text=[x["text"] for _, x in q],
        o_scene=np.asarray([s for s, _ in o], dtype=np.int64),
        o_caption=pad_rows(captions, max(map(len, captions))),
        o_mask=np.stack([mask_row(x["mask"], grid * grid) for _, x in o]),
        o_center=np.asarray(centers, dtype=np.int64),
        scene_questions=scene_questions,
        scene_objects=scene_objects,
    )


def anyres_images(scenes: Scenes):
    """A format-2 export's anyres views, [S,V,S,S,3] uint8 memmap in layout order (base view, then
    the tiles), or None when it was written with --no-anyres (and for world 1)."""
    name = scenes.meta.get("files", {}).get("anyres")
    if not name:
        return None
    size, views = scenes.meta["imageSize"], len(scenes.meta["layout"]["views"])
    return np.memmap(scenes.root / name, dtype=np.uint8, mode="r", shape=(len(scenes), views, size, size, 3))


def read_rows(images, rows):
    """images[rows] as an array. From a memory map, one pread per row: a few times faster than
    indexing the map when the export is larger than the page cache (no fault per 4 KB page)."""
    if not isinstance(images, np.memmap):
        return np.asarray(images[rows])
    row = images.shape[1:]
    nbytes = int(np.prod(row)) * images.itemsize
    out = np.empty((len(rows), *row), dtype=images.dtype)
    fd = os.open(images.filename, os.O_RDONLY)
    try:
        for j, r in enumerate(rows):
            out[j] = np.frombuffer(os.pread(fd, nbytes, images.offset + int(r) * nbytes), dtype=images.dtype).reshape(row)
    finally:
        os.close(fd)
    return out


def normalize(images_u8, mean, std):
    """[B,S,S,3] uint8 -> [B,3,S,S] float32, (rgb/255 - mean) / std (the exported contract)."""
    x = torch.from_numpy(np.array(images_u8))  # a writable copy of the memmap rows
    x = x.permute(0, 3, 1, 2).float() / 255.0
    return (x - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)


def channel_stats(scenes: Scenes, n=512):
    """Per-channel mean/std of the first n training images, rounded so the manifest is readable."""
    x = scenes.images[: min(n, len(scenes))].reshape(-1, 3).astype(np.float64) / 255.0
    return [round(float(v), 4) for v in x.mean(0)], [round(float(v), 4) for v in x.std(0)]


@dataclass
class Batch:
    scenes: np.ndarray  # [B] scene indices
    pixels: torch.Tensor  # [B,3,S,S]
    questions: torch.Tensor  # [B,Q,Lq]
    last: torch.Tensor  # [B,Q]
    answers: torch.Tensor  # [B,Q]
    types: torch.Tensor  # [B,Q]
    q_valid: torch.Tensor  # [B,Q] bool (scenes have different question counts)
    q_rows: np.ndarray  # [B,Q] question row index, -1 where invalid
    o_rows: np.ndarray  # [NO_batch] object rows of the batch, in scene order
    o_image: torch.Tensor  # [NO_batch] position of each object's scene in the batch


def make_batch(data: Scenes, scene_ids, mean, std) -> Batch:
    scene_ids = np.asarray(scene_ids, dtype=np.int64)
    order = np.argsort(scene_ids)  # reads are faster in file order
    pixels = normalize(read_rows(data.images, scene_ids[order]), mean, std)[torch.from_numpy(np.argsort(order))]
    qmax = max(len(data.scene_questions[s]) for s in scene_ids)
    q_rows = np.full((len(scene_ids), qmax), -1, dtype=np.int64)
    for b, s in enumerate(scene_ids):
        rows = data.scene_questions[s]
        q_rows[b, : len(rows)] = rows
    valid = q_rows >= 0
    safe = np.where(valid, q_rows, 0)
    o_rows, o_image = [], []
    for b, s in enumerate(scene_ids):
        o_rows.extend(data.scene_objects[s])
        o_image.extend([b] * len(data.scene_objects[s]))
    return Batch(
        scenes=scene_ids,
        pixels=pixels,
        questions=torch.from_numpy(data.q_tokens[safe]),
        last=torch.from_numpy(np.maximum(data.q_len[safe] - 1, 0)),
        answers=torch.from_numpy(data.q_answer[safe]),
        types=torch.from_numpy(data.q_type[safe]),
        q_valid=torch.from_numpy(valid),
        q_rows=q_rows,
        o_rows=np.asarray(o_rows, dtype=np.int64),
        o_image=torch.as_tensor(o_image, dtype=torch.int64),
    )
