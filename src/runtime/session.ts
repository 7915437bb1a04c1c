/**
 * The experiment, run once for every caller: the playground, the docs figures and the benchmarks
 * page (through the engine's worker) and the command-line tools (in their own thread). It encodes
 * with whichever model the slot holds, prepares once per image and question on the engine's
 * backend, and reads metrics and token details from the similarities that backend already holds.
 */
import { getMethod, PruneError, type Params, type SetMetrics } from '../core/index.ts';
import { layoutRefusal, readTokenFile, type Layout, type TokenFile } from '../tokens/index.ts';
import { answerFromLogits } from '../models/answer.ts';
import type { ImageInput, Instruction, ModelAnswer, VisionLanguageModel, VisualTokens } from '../models/vlm.ts';
import type {
  ExperimentInputs, ExperimentInputsSpec, ExperimentRequest, ExperimentResult, MissingModel, RunResult, RunSpec,
  InputTimings, Selection, SweepRequest, SweepResult, TokenFileSummary,
} from './experiment-types.ts';
import { EngineHost } from './host.ts';
import { Lru } from './lru.ts';
import type { ModelLocation } from './model-loader.ts';
import type { EngineHandle, EnginePruneResult } from './protocol.ts';

/** Methods whose pick order does not depend on k: the first k picks of a longer run are the k-token selection (tested). */
export const PREFIX_STABLE_METHODS: ReadonlySet<string> = new Set(['tops']);

/**
 * The model an experiment may use, and why there is none yet. `which` is the model a request
 * names (ExperimentInputsSpec.model); without it, the one the slot holds now.
 */
export interface ModelSlot {
  current(which?: ModelLocation): VisionLanguageModel | null;
  missing(which?: ModelLocation): MissingModel;
  /** Identity of the model this slot holds or will hold; null when there is none to hold. */
  identity(which?: ModelLocation): Promise<string | null>;
}

/** A slot holding one loaded model (the command-line tools). */
export function fixedSlot(model: VisionLanguageModel): ModelSlot {
  return {
    current: () => model,
    missing: () => ({ ok: false, reason: 'error', message: 'unreachable: the model is loaded' }),
    identity: async () => model.info.identity,
  };
}

/** A session in this thread on the CPU engine, for the command-line tools. */
export async function cpuSession(model: VisionLanguageModel): Promise<ExperimentSession> {
  return new ExperimentSession(await EngineHost.create('cpu', null), fixedSlot(model));
}

interface Resolved {
  inputs: ExperimentInputs;
  /** The tokens' layout when they form several views (a token file's, an MLLM's tiles): some methods refuse it. */
  layout: Layout | null;
  /** The model's tokens of the image, which its answers are placed in. */
  image: VisualTokens | null;
  handle: EngineHandle;
  features: Float32Array;
  instruction: Instruction | null;
  model: VisionLanguageModel | null;
}

/** A computation's value and how long it took, ms (kept together so a cached value keeps its cost). */
interface Timed<T> { value: T; ms: number }

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

const everything = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

function gatherRows(features: Float32Array, rows: ArrayLike<number>, d: number): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let t = 0; t < rows.length; t++) out.set(features.subarray(rows[t] * d, (rows[t] + 1) * d), t * d);
  return out;
}

export class ExperimentSession {
  readonly #host: EngineHost;
  readonly #slot: ModelSlot;
  readonly #images = new Lru<string, Promise<Timed<VisualTokens>>>(8);
  readonly #instructions = new Lru<string, Promise<Timed<Instruction>>>(512);
  readonly #fullAnswers = new Lru<string, Promise<Timed<ModelAnswer>>>(32);
  readonly #prepared: Lru<string, Promise<Timed<EngineHandle>>>;
  /** Token files by id: the two most recent (a reader compares at most two at once). */
  readonly #files = new Lru<string, TokenFile>(2);
  #nextFile = 1;

  constructor(host: EngineHost, slot: ModelSlot) {
    this.#host = host;
    this.#slot = slot;
    this.#prepared = new Lru(4, (handle) => { void handle.then((h) => host.run({ op: 'dispose', handle: h.value.id })).catch(() => undefined); });
  }

  /** Reads a token file; its tensors stay here, the summary goes back. */
  loadTokens(name: string, bytes: ArrayBuffer): TokenFileSummary {
    const start = performance.now();
    const file = readTokenFile(bytes);
    const id = `file:${this.#nextFile++}:${name}`;
    this.#files.set(id, file);
    const { n, d, m = 0, grid } = file.input;
    return {
      id, name, bytes: bytes.byteLength, n, d, m, grid: grid!, layout: file.layout, layoutDeclared: file.layoutDeclared,
      // A copy: the image is a view into the whole file, which must not travel back with it.
      image: file.image === null ? null : { mime: file.image.mime, bytes: file.image.bytes.slice() },
      metadata: file.metadata, dtypes: file.dtypes,
      has: { text: file.input.text !== undefined, clsAttn: file.input.clsAttn !== undefined, textAttn: file.input.textAttn !== undefined },
      readMs: performance.now() - start,
    };
  }

  async run(req: ExperimentRequest): Promise<ExperimentResult> {
    const resolved = await this.#resolve(req, req.measure.tensors === true);
    if ('ok' in resolved) return resolved;
    const { handle } = resolved;
    const inputs = !req.measure.fullSet ? resolved.inputs : {
      ...resolved.inputs,
      fullMetrics: await this.#host.run({ op: 'metrics', handle: handle.id, kept: everything(handle.n), opts: { oracle: req.question.oracle ?? undefined } }),
    };
    const lambda = req.measure.lambda ?? 0;
    const oracle = req.question.oracle ?? undefined;
    const select = this.#selector(handle, req.runs, req.sharePrefixes === true);
    // Settings that keep the same tokens get the same metrics and answer: computed once.
    const measured = new Map<string, Promise<SetMetrics>>();
    const answered = new Map<string, Promise<Timed<ModelAnswer>>>();
    // Each run's answer is computed by the model (its own worker in a page) while the next run is
    // selected and measured here. The model's answers run one at a time: an onnxruntime session
    // must not run twice at once.
    const runs: (RunResult | Promise<RunResult>)[] = [];
    let modelFree: Promise<unknown> = Promise.resolve();
    for (const spec of req.runs) {
      const { id, method, k } = spec;
      try {
        const refusal = resolved.layout === null ? null : layoutRefusal(resolved.layout, getMethod(method));
        if (refusal !== null) throw new PruneError('shape', refusal);
        const { selection, features } = await select(spec);
        const key = selection.kept.join(',');
        let metrics: SetMetrics | null = null;
        if (req.measure.metrics) {
          let pending = measured.get(key);
          const erank = Math.min(selection.kept.length, inputs.d) <= (req.measure.erankUpTo ?? Infinity);
          if (pending === undefined) measured.set(key, (pending = this.#host.run({ op: 'metrics', handle: handle.id, kept: selection.kept, opts: { lambda, oracle, erank } })));
          metrics = await pending;
        }
        const details = req.measure.details ? await this.#host.run({ op: 'details', handle: handle.id, kept: selection.kept, order: selection.order ?? null }) : null;
        let answer: Promise<Timed<ModelAnswer> | null> = Promise.resolve(null);
        const { model, instruction, image } = resolved;
        if (req.measure.answers && model !== null && instruction !== null && image !== null) {
          const answerKey = features === undefined ? key : `${id}|merged`;
          let pending = answered.get(answerKey);
          if (pending === undefined) {
            const rows = features ?? gatherRows(resolved.features, selection.kept, inputs.d);
            pending = modelFree.then(() => timed(() => model.answer(rows, selection.kept, instruction, image)));
            answered.set(answerKey, pending);
            // The next answer waits for this one; a failure is reported where this one is awaited.
            modelFree = pending.catch(() => undefined);
          }
          answer = pending;
        }
        runs.push(answer.then((a): RunResult => ({ ok: true, id, method, k, selection, metrics, details, answer: a?.value ?? null, answerMs: a?.ms ?? null })));
      } catch (err) {
        if (!(err instanceof PruneError)) throw err;
        runs.push({ ok: false, id, method, k, message: err.message });
      }
    }
    return { ok: true, inputs, runs: await Promise.all(runs) };
  }

  /** Every metric of a method's kept set at each budget, for the current image and question. */
  async sweep(req: SweepRequest): Promise<SweepResult> {
    const resolved = await this.#resolve(req, false);
    if ('ok' in resolved) return resolved;
    const { handle } = resolved;
    const refusal = resolved.layout === null ? null : layoutRefusal(resolved.layout, getMethod(req.method));
    if (refusal !== null) return { ok: true, points: [] };
    const points = [];
    for (const k of req.ks) {
      const { kept } = await this.#host.run({ op: 'prune', handle: handle.id, method: req.method, k, params: req.params });
      const m = await this.#host.run({ op: 'metrics', handle: handle.id, kept, opts: { lambda: req.lambda ?? 0, oracle: req.question.oracle ?? undefined, erank: req.erank !== false } });
      points.push({ method: req.method, k, retention: k / handle.n, ...m });
    }
    return { ok: true, points };
  }

  /** Runs a selection, timed by the engine; with `share`, prefix-stable methods come from one longest run. */
  #selector(handle: EngineHandle, runs: readonly RunSpec[], share: boolean): (spec: RunSpec) => Promise<{ selection: Selection; features?: Float32Array }> {
    const family = (s: RunSpec): string => `${s.method}|${JSON.stringify(s.params)}`;
    const longest = new Map<string, number>();
    for (const s of runs) if (share && PREFIX_STABLE_METHODS.has(s.method)) longest.set(family(s), Math.max(s.k, longest.get(family(s)) ?? 0));
    const orders = new Map<string, Promise<EnginePruneResult>>();
    const prune = (method: string, k: number, params: Partial<Params>): Promise<EnginePruneResult> =>
      this.#host.run({ op: 'prune', handle: handle.id, method, k, params });
    return async (spec) => {
      const kmax = longest.get(family(spec));
      if (kmax === undefined) {
        const r = await prune(spec.method, spec.k, spec.params);
        const selection: Selection = { kept: r.kept, order: r.order, trace: r.trace, merged: r.features !== undefined, ms: r.ms, backend: r.backend, selectedOn: r.selectedOn };
        return { selection, features: r.features };
      }
      let run = orders.get(family(spec));
      if (run === undefined) orders.set(family(spec), (run = prune(spec.method, kmax, spec.params)));
      const r = await run;
      const order = r.order!.slice(0, spec.k);
      return { selection: { kept: Int32Array.from(order).sort(), order, trace: r.trace?.slice(0, spec.k), merged: false, ms: r.ms, backend: r.backend, selectedOn: r.selectedOn } };
    };
  }

  /** The image's tokens, the question's embedding and the full-token answer, each computed once. */
  async #resolve(spec: ExperimentInputsSpec, tensors: boolean): Promise<Resolved | MissingModel> {
    if (spec.tokens != null) return this.#fromFile(spec.tokens, spec, tensors);
    const pre = spec.precomputed ?? null;
    const which = spec.model ?? undefined;
    const identity = pre === null ? null : await this.#slot.identity(which);
    // Precomputed inputs are used only where the model that would compute them made them.
    const usable = pre !== null && (identity === null || identity === pre.identity) ? pre : null;
    const model = this.#slot.current(which);
    const seed = spec.seed ?? 0;
    let image: VisualTokens;
    let instruction: Instruction | null = null;
    let embedding: Float32Array, m: number, tokens: Int32Array;
    let full: ModelAnswer | null;
    let key: string;
    let source: 'precomputed' | 'model';
    const timings: InputTimings = { encode: null, text: null, fullAnswer: null, prepare: null };
    if (usable?.question) {
      image = { ...usable.image };
      ({ embedding, m, tokens } = usable.question);
      full = answerFromLogits(usable.question.logits, usable.question.answers, usable.question.textAttn);
      if (model !== null && model.info.identity === usable.identity) instruction = { text: spec.question.text, tokens, embedding, m };
      key = `precomputed|${usable.identity}|${spec.image.key}|${spec.question.text}`;
      source = 'precomputed';
    } else {
      if (model === null) return this.#slot.missing(which);
      const id = model.info.identity;
      if (usable !== null) image = { ...usable.image };
      else ({ value: image, ms: timings.encode } = await this.#images.remember(`${id}|${spec.image.key}`, () => timed(() => model.encodeImage(this.#pixels(spec.image.pixels)))));
      const question = await this.#instructions.remember(`${id}|${spec.question.text}`, () => timed(() => model.encodeText(spec.question.text)));
      ({ value: instruction, ms: timings.text } = question);
      ({ embedding, m, tokens } = question.value);
      const all = image;
      const answer = await this.#fullAnswers.remember(`${id}|${spec.image.key}|${spec.question.text}`, () => timed(() => model.answer(all.features, everything(all.n), question.value, all)));
      ({ value: full, ms: timings.fullAnswer } = answer);
      key = `model|${id}|${spec.image.key}|${spec.question.text}`;
      source = 'model';
    }
    const { features, n, d, grid, clsAttn } = image;
    const textAttn = full?.textAttn ?? null;
    const prepared = await this.#prepared.remember(`${key}|${seed}`, () => timed(() => this.#host.run({
      op: 'prepare',
      input: { features, n, d, grid, text: embedding, m, clsAttn: clsAttn ?? undefined, textAttn: textAttn ?? undefined, seed },
    })));
    const handle = prepared.value;
    timings.prepare = prepared.ms;
    const layout = image.layout ?? null;
    return {
      inputs: {
        key, n, d, m, grid, relevance: handle.relevance, source, full, fullMetrics: null, layout, timings,
        tensors: tensors ? { features, clsAttn, tokens, embedding, textAttn } : null,
      },
      handle, features, instruction, model: instruction === null ? null : model, image, layout,
    };
  }

  /** A reader's own tokens: no model encodes or answers; methods read what the file holds. */
  async #fromFile(id: string, spec: ExperimentInputsSpec, tensors: boolean): Promise<Resolved> {
    const file = this.#files.get(id);
    if (file === undefined) throw new Error('this token file is no longer loaded in the engine: pick it again');
    const seed = spec.seed ?? 0;
    const { features, n, d, grid, text, m = 0, clsAttn, textAttn } = file.input;
    const prepared = await this.#prepared.remember(`${id}|${seed}`, () => timed(() => this.#host.run({ op: 'prepare', input: { ...file.input, seed } })));
    const handle = prepared.value;
    const layout = file.layout.kind === 'views' ? file.layout : null;
    return {
      inputs: {
        key: id, n, d, m, grid: grid!, relevance: handle.relevance, source: 'file', full: null, fullMetrics: null, layout,
        timings: { encode: null, text: null, fullAnswer: null, prepare: prepared.ms },
        tensors: tensors ? { features, clsAttn: clsAttn ?? null, tokens: new Int32Array(0), embedding: text ?? new Float32Array(0), textAttn: textAttn ?? null } : null,
      },
      handle, features, instruction: null, model: null, image: null, layout,
    };
  }

  #pixels(pixels: ImageInput | null): ImageInput {
    if (pixels === null) throw new PruneError('shape', 'this image has no pixels and no precomputed tokens');
    return pixels;
  }
}
