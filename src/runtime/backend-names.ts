/**
 * The pruning engine's backend names, declared once: the engine, the link schema and the page's
 * labels all read them from here. (onnxruntime's execution providers are a different thing and
 * are called that: see src/models/onnx.ts.)
 */

/** Where the engine computes: the core in TypeScript, or the WebGPU kernels. */
export const BACKEND_KINDS = ['cpu', 'webgpu'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** What a caller (or a permalink) asks for; `auto` takes a hardware WebGPU adapter for large token sets. */
export const BACKEND_PREFERENCES = ['auto', ...BACKEND_KINDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const BACKEND_LABELS: Readonly<Record<BackendPreference, string>> = Object.freeze({
  auto: 'auto (by workload: CPU or GPU)',
  cpu: 'CPU',
  webgpu: 'WebGPU',
});

/**
 * Under `auto`, token sets smaller than this stay on the CPU even when a hardware WebGPU adapter
 * is in use: below it the CPU engine's whole selection (prepare + TOPS at k = 2N/9: 6 ms at
 * N = 196, 50 ms at N = 576 on the reference machine, `bench:gpu`) costs less than the GPU's fixed
 * latency (buffer uploads, float-float checks, 2k dispatches and a read-back per selection).
 * The crossover on a real GPU is not measured on our machines (they have none); 576 — LLaVA-1.5's
 * token count — is the first size where the CPU's O(N²·d) prepare reaches tens of milliseconds.
 * An explicit `webgpu` preference ignores it. See src/runtime/README.md.
 */
export const AUTO_GPU_MIN_TOKENS = 576;
