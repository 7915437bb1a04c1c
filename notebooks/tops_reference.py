"""TOPS in PyTorch (CPU): the same objective and greedy as src/core/methods/tops.ts, written the
way one would in PyTorch (dense tensor ops per step), as a speed and correctness yardstick for
the TypeScript engine. Reads features from files written by `npm run bench:core`.

Usage: python notebooks/tops_reference.py --features F.f32 --text T.f32 --n N --d D --m M --k K
         --alpha A --beta B --gamma G --lambda_ L [--repeats 5]
Prints one JSON line: {"prepareMs", "pruneMs", "prepareCpuMs", "pruneCpuMs", "kept"} (median ms over
repeats; wall time and process CPU time).
"""
import argparse
import json
import statistics
import time

import numpy as np
import torch

EPS = 1e-6
EXHAUSTED = 1e-4


def prepare(x: torch.Tensor, t: torch.Tensor):
    xn = x / x.norm(dim=1, keepdim=True)
    g = xn @ xn.T
    g.fill_diagonal_(1.0)
    k = g.clamp_min(0)
    raw = (xn @ (t / t.norm(dim=1, keepdim=True)).T).max(dim=1).values
    span = raw.max() - raw.min()
    r = (raw - raw.min()) / span if span > 0 else torch.ones_like(raw)
    return g, k, r


def tops(g, kern, r, k, alpha, beta, gamma, lam):
    n = g.shape[0]
    g64, k64, r64 = g.double(), kern.double(), r.double()
    w = (1 - lam) + lam * r64
    cover = torch.zeros(n, dtype=torch.float64)
    d2 = torch.full((n,), 1 + EPS, dtype=torch.float64)
    cols = torch.zeros((k, n), dtype=torch.float64)
    used = 0
    active = torch.ones(n, dtype=torch.bool)
    order = []
    gains = k64 @ w
    for _ in range(k):
        score = alpha * r64
        if beta > 0:
            top = gains[active].max()
            if top > 0:
                score = score + beta * gains / top
        if gamma > 0:
            div = torch.where(d2 <= EXHAUSTED, torch.full_like(d2, EPS), d2.clamp_max(1))
            score = score + gamma * div
        score = torch.where(active, score, torch.full_like(score, -float("inf")))
        j = int(torch.argmax(score))  # first maximal index: ties go to the lowest index
        order.append(j)
        active[j] = False
        if beta > 0:
            # Exact gains kept incrementally: only tokens whose cover rises change any gain.
            changed = (k64[j] > cover).nonzero().squeeze(1)
            prev, nxt = cover[changed], k64[j, changed]
            # K is symmetric: rows of the changed tokens are contiguous, columns are not.
            delta = (torch.minimum(k64[changed], nxt[:, None]) - prev[:, None]).clamp_min(0)
            gains = gains - w[changed] @ delta
            cover[changed] = nxt
        if gamma > 0 and d2[j] > EXHAUSTED:
            e = (g64[j] - cols[:used, j] @ cols[:used]) / d2[j].sqrt()
            cols[used] = e
            used += 1
            d2 = d2 - e * e
    return sorted(order)


def main():
    ap = argparse.ArgumentParser()
    for name in ("features", "text"):
        ap.add_argument(f"--{name}", required=True)
    for name in ("n", "d", "m", "k"):
        ap.add_argument(f"--{name}", type=int, required=True)
    # No defaults: the caller passes the engine's, so the two can never silently disagree.
    for name in ("alpha", "beta", "gamma", "lambda_"):
        ap.add_argument(f"--{name}", type=float, required=True)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    x = torch.from_numpy(np.fromfile(a.features, dtype=np.float32).reshape(a.n, a.d))
    t = torch.from_numpy(np.fromfile(a.text, dtype=np.float32).reshape(a.m, a.d))
    prep_ms, prune_ms, prep_cpu, prune_cpu = [], [], [], []
    kept = []
    with torch.no_grad():
        for _ in range(a.repeats):
            t0, c0 = time.perf_counter(), time.process_time()
            g, kern, r = prepare(x, t)
            t1, c1 = time.perf_counter(), time.process_time()
            kept = tops(g, kern, r, a.k, a.alpha, a.beta, a.gamma, a.lambda_)
            t2, c2 = time.perf_counter(), time.process_time()
            prep_ms.append((t1 - t0) * 1e3)
            prune_ms.append((t2 - t1) * 1e3)
            prep_cpu.append((c1 - c0) * 1e3)
            prune_cpu.append((c2 - c1) * 1e3)
    # CPU time (all threads of the process) next to wall time: on a shared machine it is the
    # steadier figure for a single-threaded run.
    print(json.dumps({
        "prepareMs": statistics.median(prep_ms), "pruneMs": statistics.median(prune_ms),
        "prepareCpuMs": statistics.median(prep_cpu), "pruneCpuMs": statistics.median(prune_cpu), "kept": kept,
    }))


if __name__ == "__main__":
    main()
