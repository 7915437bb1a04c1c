// Which backend computed the kept sets, and why it is not WebGPU when it is not.
import type { BackendInfo } from '../../../runtime/engine.ts';
import type { BackendPreference } from '../../../state/index.ts';
import { el } from '../dom.ts';

type BackendKind = BackendInfo['backend'];

function adapterText(info: BackendInfo): string {
  const a = info.adapterInfo;
  if (a === null) return '';
  const name = [a.vendor, a.device || a.architecture || a.description].filter((s) => s !== '').join(' ');
  return ` Adapter: ${name || 'unnamed'}${a.software ? ' (a software adapter: its timings are CPU-emulated)' : ''}.`;
}

export function backendIndicator(): { element: HTMLElement; show(preference: BackendPreference, info: BackendInfo | null, ran: BackendKind | null): void } {
  const element = el('p', { className: 'pg-backend', testid: 'backend-indicator', attrs: { role: 'status' } });
  return {
    element,
    show(preference, info, ran) {
      if (info === null) { element.textContent = `Starting the engine (asked for ${preference}).`; return; }
      const used = ran ?? info.backend;
      element.dataset.backend = used;
      const asked = `asked for ${preference}`;
      element.textContent = used === 'webgpu'
        ? `Selection ran on WebGPU (${asked}).${adapterText(info)}`
        : `Selection ran on the CPU (${asked}).${info.reason === null ? '' : ` Not on WebGPU because ${info.detail ?? info.reason}.`}`;
    },
  };
}
