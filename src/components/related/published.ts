/**
 * Published results of training-free token pruners: average performance as a percentage of the
 * unpruned model, exactly as each paper's own table gives it. Tables from different papers use
 * different benchmark sets and token-count conventions, so each keeps its source, and numbers
 * are never compared across tables.
 */
export interface PublishedTable {
  id: string;
  model: string;
  /** Whose table it is and where it was read. */
  source: string;
  url: string;
  benchmarks: string;
  /** Column headers: visual tokens kept. */
  columns: readonly string[];
  rows: readonly { method: string; values: readonly (number | string | null)[] }[];
  note?: string;
}

const THEIA_TEN = 'VQAv2, GQA, VizWiz, SQA-IMG, TextVQA, POPE, MME (perception), MMB, MMB-CN, MM-Vet; mean of per-benchmark ratios';

export const PUBLISHED: readonly PublishedTable[] = [
  {
    id: 'cdpruner-llava15',
    model: 'LLaVA-1.5-7B',
    source: 'CDPruner project page (Zhang et al., NeurIPS 2025)',
    url: 'https://github.com/Theia-4869/CDPruner/blob/gh-pages/static/image/llava-1.5-7b.png',
    benchmarks: THEIA_TEN,
    columns: ['128', '64', '32'],
    rows: [
      { method: 'FastV', values: [92.8, 74.9, null] },
      { method: 'PDrop', values: [95.0, 72.9, null] },
      { method: 'SparseVLM', values: [96.3, 87.1, null] },
      { method: 'PruMerge+', values: [96.8, 92.4, 86.1] },
      { method: 'TRIM', values: [95.8, 91.6, 86.2] },
      { method: 'VisionZip', values: [97.6, 94.4, 88.4] },
      { method: 'DART', values: [96.9, 92.6, 88.6] },
      { method: 'DivPrune', values: [97.5, 94.7, 91.3] },
      { method: 'CDPruner', values: [99.0, 97.0, 94.3] },
    ],
  },
  {
    id: 'vispruner-llava15',
    model: 'LLaVA-1.5-7B',
    source: 'VisPruner project page (Zhang et al., ICCV 2025)',
    url: 'https://github.com/Theia-4869/VisPruner/blob/gh-pages/static/image/llava-1.5-7b.png',
    benchmarks: `${THEIA_TEN}; its own baseline runs`,
    columns: ['128', '64', '32'],
    rows: [
      { method: 'FastV', values: [85.4, 75.9, 64.1] },
      { method: 'SparseVLM', values: [94.4, 86.4, 77.9] },
      { method: 'PruMerge+', values: [95.8, 90.6, 83.0] },
      { method: 'VisionZip', values: [98.4, 95.6, 89.0] },
      { method: 'VisPruner', values: [99.6, 96.6, 91.5] },
    ],
  },
  {
    id: 'fastervlm-llava15',
    model: 'LLaVA-1.5-7B',
    source: 'FasterVLM project page (Zhang et al., 2024)',
    url: 'https://github.com/Theia-4869/FasterVLM/blob/gh-pages/static/image/llava-1.5-7b.png',
    benchmarks: 'ten benchmarks; budgets given as token counts from reduction ratios',
    columns: ['144', '58', '29'],
    rows: [{ method: 'FasterVLM', values: [98.75, 94.24, 89.41] }],
  },
  {
    id: 'mob-llava15',
    model: 'LLaVA-1.5-7B',
    source: 'MoB paper, Table 5 (arXiv 2505.10118, NeurIPS 2025)',
    url: 'https://arxiv.org/abs/2505.10118',
    benchmarks: 'MMB, MMB-CN, SQA, VizWiz, GQA, MME (total), POPE, TextVQA, VQAv2, OCRBench',
    columns: ['192', '128', '64'],
    rows: [
      { method: 'FastV', values: [91.2, 86.4, 77.3] },
      { method: 'SparseVLM', values: [96.3, 93.8, 84.6] },
      { method: 'VisionZip', values: [97.7, 96.2, 92.8] },
      { method: 'DART', values: [98.8, 98.0, 93.7] },
      { method: 'MustDrop', values: [97.2, 95.6, 90.1] },
      { method: 'TwigVLM (trained)', values: [99.5, 99.0, 96.1] },
      { method: 'MoB (without / with η-prior)', values: ['100.2 / 100.6', '99.2 / 99.4', '96.3 / 96.4'] },
    ],
    note: 'Some VisionZip cells of this table are partial, as the MoB paper marks them.',
  },
  {
    id: 'cdpruner-next',
    model: 'LLaVA-NeXT-7B',
    source: 'CDPruner project page (Zhang et al., NeurIPS 2025)',
    url: 'https://github.com/Theia-4869/CDPruner/blob/gh-pages/static/image/llava-next-7b.png',
    benchmarks: THEIA_TEN,
    columns: ['640', '320', '160'],
    rows: [
      { method: 'FastV', values: [95.6, 76.9, null] },
      { method: 'PDrop', values: [96.5, 80.3, null] },
      { method: 'SparseVLM', values: [97.9, 93.3, null] },
      { method: 'PruMerge+', values: [96.6, 94.0, 87.7] },
      { method: 'TRIM', values: [97.6, 92.9, 87.7] },
      { method: 'VisionZip', values: [99.5, 95.7, 90.0] },
      { method: 'DART', values: [98.2, 95.8, 91.7] },
      { method: 'DivPrune', values: [98.5, 96.0, 92.9] },
      { method: 'CDPruner', values: [100.1, 98.0, 96.0] },
    ],
  },
  {
    id: 'vispruner-next',
    model: 'LLaVA-NeXT-7B',
    source: 'VisPruner project page (Zhang et al., ICCV 2025)',
    url: 'https://github.com/Theia-4869/VisPruner',
    benchmarks: 'five benchmarks: VQAv2, GQA, TextVQA, POPE, MME',
    columns: ['640', '320', '160'],
    rows: [
      { method: 'FastV', values: [97.0, 87.7, 74.7] },
      { method: 'SparseVLM', values: [94.9, 87.9, 74.5] },
      { method: 'VisionZip', values: [96.7, 90.5, 82.3] },
      { method: 'VisPruner', values: [98.6, 93.3, 86.7] },
    ],
  },
  {
    id: 'fastervlm-next',
    model: 'LLaVA-NeXT-7B',
    source: 'FasterVLM project page (Zhang et al., 2024)',
    url: 'https://github.com/Theia-4869/FasterVLM',
    benchmarks: 'ten benchmarks; budgets given as token counts from reduction ratios',
    columns: ['720', '290', '145'],
    rows: [{ method: 'FasterVLM', values: [98.73, 93.55, 88.85] }],
  },
  {
    id: 'mob-next',
    model: 'LLaVA-NeXT-7B',
    source: 'MoB paper (arXiv 2505.10118, NeurIPS 2025)',
    url: 'https://arxiv.org/abs/2505.10118',
    benchmarks: 'ten benchmarks (as in its LLaVA-1.5 table)',
    columns: ['320'],
    rows: [
      { method: 'FastV', values: [86.4] },
      { method: 'SparseVLM', values: [85.9] },
      { method: 'FasterVLM', values: [89.8] },
      { method: 'MustDrop', values: [90.4] },
      { method: 'DART', values: [93.9] },
      { method: 'MoB', values: [95.4] },
    ],
  },
  {
    id: 'todre-next',
    model: 'LLaVA-NeXT-7B',
    source: 'ToDRE paper (arXiv 2505.18757 v2)',
    url: 'https://arxiv.org/abs/2505.18757',
    benchmarks: 'eight benchmarks',
    columns: ['720', '288'],
    rows: [
      { method: 'FastV', values: [95.4, 88.8] },
      { method: 'SparseVLM', values: [93.1, 86.3] },
      { method: 'FasterVLM', values: [96.0, 91.4] },
      { method: 'DivPrune', values: [96.6, 93.5] },
      { method: 'ToDRE', values: [98.2, 95.0] },
    ],
  },
  {
    id: 'tops-next',
    model: 'LLaVA-NeXT',
    source: 'TOPS paper, abstract (arXiv 2606.27161)',
    url: 'https://arxiv.org/abs/2606.27161',
    benchmarks: 'the paper’s own benchmark set (not available to us)',
    columns: ['640 (77.8 % removed)'],
    rows: [
      { method: 'TOPS, LLaVA-NeXT-7B', values: [100.0] },
      { method: 'TOPS, LLaVA-NeXT-13B', values: [100.6] },
    ],
  },
];

/** Every table row that reports `method` (matched by the start of the row's name). */
export function resultsFor(method: string): { table: PublishedTable; values: readonly (number | string | null)[] }[] {
  return PUBLISHED.flatMap((table) => table.rows
    .filter((row) => row.method === method || row.method.startsWith(`${method},`))
    .map((row) => ({ table, values: row.values })));
}

/** A table cell as the source prints it: one decimal at least, the source's own decimals beyond. */
export function formatPublished(v: number | string | null): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  const decimals = String(v).split('.')[1]?.length ?? 0;
  return v.toFixed(Math.max(1, decimals));
}
