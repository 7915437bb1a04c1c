// Where a benchmark figure came from: commit, date, Node, machine, model and scenes.

import { execFileSync } from 'node:child_process';
import { arch, cpus, platform } from 'node:os';
import type { SeedRange } from '../src/scenes/index.ts';
import type { Provenance } from '../src/evaluation/report.ts';

/** What the figures depend on: the engine, the evaluation, the model and its runtime, the scenes. */
const RESULT_PATHS = ['src/core', 'src/evaluation', 'src/runtime', 'src/models', 'src/scenes', 'src/tokens', 'scripts', 'public/models'];

/** HEAD, marked `+changes` when files the figures depend on differ from it. */
export function gitCommit(): string {
  const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const head = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no', '--', ...RESULT_PATHS).length > 0 ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

export function cpuDescription(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${platform()} ${arch()}`;
}

export function machine(jobs: number): string {
  return `${cpuDescription()}, onnxruntime-web WASM 1 thread × ${jobs} worker(s)`;
}

export function provenanceOf(o: { split: string; seeds: SeedRange; modelSha256: string; jobs: number }): Provenance {
  return {
    commit: gitCommit(), date: new Date().toISOString(), node: process.version, modelSha256: o.modelSha256,
    machine: machine(o.jobs), split: o.split, seeds: [o.seeds.start, o.seeds.count],
  };
}
