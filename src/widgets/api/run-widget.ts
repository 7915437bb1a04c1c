/**
 * Runs an API example in the page: the module whose source the page shows above is imported and
 * called with a `print` that writes to the output box, so what runs is exactly what is shown.
 */
import { button, controlRow } from '../shared/controls.ts';
import { widgetBody, type MountContext } from '../shared/widget.ts';
import { formatLine, type Print } from './format.ts';

type Example = { default: (print: Print) => void | Promise<void> };
const EXAMPLES = import.meta.glob<Example>('./examples/*.ts');

export function mount(root: HTMLElement, { config, dataReady }: MountContext): void {
  const name = String(config.example);
  const load = EXAMPLES[`./examples/${name}.ts`];
  if (load === undefined) throw new Error(`no API example "${name}"`);
  const output = document.createElement('pre');
  output.className = 'tl-output';
  output.setAttribute('aria-live', 'polite');
  output.setAttribute('aria-label', `Output of ${name}`);
  output.tabIndex = 0;
  const run = async (): Promise<void> => {
    const lines: string[] = [];
    const start = performance.now();
    try {
      await (await load()).default((...values) => lines.push(formatLine(values)));
      lines.push(`// finished in ${(performance.now() - start).toFixed(1)} ms`);
    } catch (err) {
      lines.push(`${(err as Error).name}: ${(err as Error).message}`);
    }
    output.textContent = lines.join('\n');
  };
  output.textContent = 'Press Run to execute the code above in this page.';
  dataReady();
  widgetBody(root).append(controlRow('Run the example', button('Run', run, { title: `Run ${name} in this page` })), output);
}
