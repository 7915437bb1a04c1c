// Which backend computed the kept sets, and why it is not WebGPU when it is not.
import type { BackendInfo } from '../../../runtime/engine.ts';
import { AUTO_GPU_MIN_TOKENS } from '../../../runtime/backend-names.ts';
import type { BackendPreference } from '../../../state/index.ts';
import { el } from '../../shared/dom.ts';

type BackendKind = BackendInfo['backend'];

function adapterText(info: BackendInfo): string {
  const a = info.adapterInfo;
  if (a === null) return '';
  const name = [a.vendor, a.device || a.architecture || a.description].filter((s) => s !== '').join(' ');
  return ` Adapter: ${name || 'unnamed'}${a.software ? ' (a software adapter: its timings are CPU-emulated)' : ''}.`;
}

/** Where the shown kept set was computed: the engine's backend, and where its picks were decided. */
export interface Ran { backend: BackendKind; selectedOn: BackendKind }

export function backendIndicator(): { element: HTMLElement; show(preference: BackendPreference, info: BackendInfo | null, ran: Ran | null): void } {
  const element = el('p', { className: 'pg-backend', testid: 'backend-indicator', text: 'Starting the engine…', attrs: { role: 'status' } });
  return {
    element,
    show(preference, info, ran) {
      if (info === null) return;
      const used = ran?.backend ?? info.backend;
      element.dataset.backend = used;
      const asked = `asked for ${preference}`;
      element.dataset.reason = used === 'cpu' && info.backend === 'webgpu' ? 'small-set' : info.reason ?? '';
      if (used === 'cpu' && info.backend === 'webgpu') {
        element.textContent = `Selection ran on the CPU (${asked}): below ${AUTO_GPU_MIN_TOKENS} tokens the CPU finishes before the GPU's dispatch latency; larger token sets run on WebGPU.${adapterText(info)}`;
      } else if (used === 'cpu' && info.reason === 'software-adapter') {
        element.textContent = `Selection ran on the CPU (${asked}): the only WebGPU adapter here is a software one, which emulates the GPU on the CPU and is slower than the CPU engine. Choose WebGPU to use it anyway.${adapterText(info)}`;
      } else if (used === 'cpu') {
        element.textContent = `Selection ran on the CPU (${asked}).${info.reason === null ? '' : ` Not on WebGPU because ${info.detail ?? info.reason}.`}`;
      } else if (ran?.selectedOn === 'cpu') {
        element.textContent = `The engine runs on WebGPU (${asked}); this method's picks were made on the CPU, which WebGPU hands the methods it has no kernel for and near-ties it cannot settle (same kept set).${adapterText(info)}`;
      } else {
        element.textContent = `Selection ran on WebGPU (${asked}).${adapterText(info)}`;
      }
    },
  };
}
