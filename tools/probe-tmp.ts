import { launchChromium, serveStatic } from './harness.ts';
import { startStandInHub } from './stand-in-hub.ts';
import { SMOLVLM_HUB } from '../src/models/smolvlm/hub.ts';
const hub = await startStandInHub('notebooks/.cache/smolvlm-fixture', SMOLVLM_HUB.repo, SMOLVLM_HUB.revision);
const server = await serveStatic('dist');
const browser = await launchChromium();
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${server.url}/real/?tiles=3&photo=coffee&hub=${encodeURIComponent(hub.url)}`);
await page.waitForTimeout(2000);
await page.click('[data-testid="mllm-consent"]');
const t0 = Date.now();
for (let i = 0; i < 60; i++) {
  await page.waitForTimeout(1000);
  const s = await page.evaluate(() => [document.querySelector('.rp-model')?.getAttribute('data-phase'), document.querySelector('[data-testid=mllm-status]')?.textContent, document.querySelector('[data-testid=kept-count]')?.textContent, document.querySelector('[data-real-photos]')?.getAttribute('data-busy')]);
  console.log(Date.now() - t0, JSON.stringify(s));
  if (s[0] === 'error' || /^kept \d/.test(s[2] ?? '')) break;
}
await page.hover('[data-testid=token-overlay]', { position: { x: 60, y: 60 } });
await page.locator('.rp-results').screenshot({ path: '/tmp/real-results.png' });
console.log(hub.requests.join('\n'));
await browser.close(); await server.close(); await hub.close();
