/** What every widget module exports, and what its mount receives. */
export type WidgetConfig = Readonly<Record<string, unknown>>;

export interface MountContext {
  /** The `config` given to the widget in the page (JSON). */
  config: WidgetConfig;
  /** Call once the first data is computed: splits the time to first render into data and drawing. */
  dataReady(): void;
}

export interface WidgetModule {
  mount(root: HTMLElement, context: MountContext): void | Promise<void>;
}

/** One of `allowed`, or `fallback` when the page gave nothing; anything else is a page bug. */
export function configChoice<T extends string>(config: WidgetConfig, key: string, allowed: readonly T[], fallback: T): T {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new Error(`widget config "${key}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
}

export function configNumber(config: WidgetConfig, key: string, fallback: number): number {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Error(`widget config "${key}" must be a number, got ${JSON.stringify(v)}`);
}

/** Where a widget draws: the figure's body, whose height the page reserved before it mounted. */
export function widgetBody(root: HTMLElement): HTMLElement {
  return root.querySelector<HTMLElement>('.tl-widget-body') ?? root;
}

/** Logs an update that failed and says so in the figure (once). */
export function errorReporter(root: HTMLElement): (err: unknown) => void {
  return (err) => {
    console.error(err);
    if (root.querySelector('.tl-error') !== null) return;
    const message = document.createElement('p');
    message.className = 'tl-error';
    message.setAttribute('role', 'alert');
    message.textContent = `This figure failed: ${(err as Error).message}`;
    widgetBody(root).append(message);
  };
}

/** A class-named element with children: the small layout boxes widgets are built from. */
export function box(className: string, ...children: (Node | string)[]): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  div.append(...children);
  return div;
}
