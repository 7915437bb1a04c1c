// bench:vqa output: the JSON other tools read, and the table people read.

import { QUESTION_TYPES } from '../src/scenes/index.ts';
import { FULL, type Evaluation } from './vqa-eval.ts';
import { ratio, type Counts, type Tally } from './vqa-tally.ts';

export interface Provenance {
  commit: string;
  date: string;
  node: string;
  modelSha256: string;
  machine: string;
  split: string;
  seeds: [number, number];
}

interface TypeFigures {
  questions: number;
  accuracy: number;
  relative: number;
  agreement: number;
}

export interface ResultRow {
  method: string;
  retention: number;
  kept: number;
  accuracy: number;
  relative: number;
  agreement: number;
  byType: Record<string, TypeFigures>;
}

export interface VqaReport {
  provenance: Provenance;
  questions: number;
  scenes: number;
  full: { accuracy: number; byType: Record<string, { questions: number; accuracy: number; chance: number }> };
  results: ResultRow[];
}

function row(method: string, retention: number, kept: number, tally: Tally, full: Tally): ResultRow {
  const figures = (c: Counts, reference: Counts): TypeFigures => ({
    questions: c.questions,
    accuracy: ratio(c.correct, c.questions),
    relative: ratio(ratio(c.correct, c.questions), ratio(reference.correct, reference.questions)),
    agreement: ratio(c.agree, c.questions),
  });
  const byType: Record<string, TypeFigures> = {};
  for (const [type, c] of tally.byType) byType[type] = figures(c, full.byType.get(type) ?? c);
  const { questions: _q, ...overall } = figures(tally.all, full.all);
  return { method, retention, kept, ...overall, byType };
}

export function buildReport(evaluation: Evaluation, methods: readonly string[], n: number, provenance: Provenance): VqaReport {
  const { full } = evaluation;
  const fullByType: VqaReport['full']['byType'] = {};
  for (const [type, c] of full.byType) {
    fullByType[type] = { questions: c.questions, accuracy: ratio(c.correct, c.questions), chance: evaluation.chance[type] ?? 0 };
  }
  const results = methods.includes(FULL) ? [row(FULL, 1, n, full, full)] : [];
  for (const entry of evaluation.pruned.values()) results.push(row(entry.method, entry.retention, entry.kept, entry.tally, full));
  return {
    provenance, questions: full.all.questions, scenes: evaluation.scenes,
    full: { accuracy: ratio(full.all.correct, full.all.questions), byType: fullByType },
    results,
  };
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}`.padStart(6);

export function formatTable(report: VqaReport): string {
  const types = QUESTION_TYPES.filter((t) => t in report.full.byType);
  const lines = [
    `${report.questions} questions on ${report.scenes} scenes (${report.provenance.split} seeds ${report.provenance.seeds[0]}..${report.provenance.seeds[0] + report.provenance.seeds[1]})`,
    `full tokens: accuracy ${pct(report.full.accuracy).trim()} %`,
    `  per type   ${types.map((t) => t.padStart(9)).join('')}`,
    `  accuracy   ${types.map((t) => pct(report.full.byType[t].accuracy).padStart(9)).join('')}`,
    `  chance     ${types.map((t) => pct(report.full.byType[t].chance).padStart(9)).join('')}`,
    '',
    `${'method'.padEnd(11)}${'keep'.padStart(6)}${'k'.padStart(5)}${'acc %'.padStart(8)}${'rel %'.padStart(8)}${'agree %'.padStart(9)}  ${types.map((t) => t.padStart(9)).join('')}`,
  ];
  for (const r of report.results) {
    lines.push(`${r.method.padEnd(11)}${r.retention.toFixed(3).padStart(6)}${String(r.kept).padStart(5)}${pct(r.accuracy).padStart(8)}${pct(r.relative).padStart(8)}${pct(r.agreement).padStart(9)}  ${types.map((t) => pct(r.byType[t]?.accuracy ?? 0).padStart(9)).join('')}`);
  }
  return lines.join('\n');
}
