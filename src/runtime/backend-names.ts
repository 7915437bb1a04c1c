/**
 * The pruning engine's backend names, declared once: the engine, the link schema and the page's
 * labels all read them from here. (onnxruntime's execution providers are a different thing and
 * are called that: see src/models/onnx.ts.)
 */

/** Where the engine computes: the core in TypeScript, or the WebGPU kernels. */
export const BACKEND_KINDS = ['cpu', 'webgpu'] as const;
export type BackendKind = (typeof BACKEND_KINDS)[number];

/** What a caller (or a permalink) asks for; `auto` takes WebGPU when it works. */
export const BACKEND_PREFERENCES = ['auto', ...BACKEND_KINDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const BACKEND_LABELS: Readonly<Record<BackendPreference, string>> = Object.freeze({
  auto: 'auto (WebGPU when available)',
  cpu: 'CPU',
  webgpu: 'WebGPU',
});
