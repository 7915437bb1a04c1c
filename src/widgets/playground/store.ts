// The playground's one source of truth: the ExperimentState, mirrored in the page URL. A drag
// makes one history entry (pushed on its first move, replaced while it continues, settled on
// release); a click or a typed value makes one entry; Back and Forward restore states.
import { readAddress, writeState, type ExperimentState, type StateNotice } from '../../state/index.ts';

/** `live`: a value still moving (a drag); `final`: the value the reader settled on. */
export type Commit = 'live' | 'final';

export type Listener = (state: ExperimentState, notices: readonly StateNotice[]) => void;

export interface Store {
  readonly state: ExperimentState;
  readonly notices: readonly StateNotice[];
  update(change: (draft: ExperimentState) => void, commit: Commit): void;
  replace(next: ExperimentState, commit: Commit): void;
  dismissNotices(): void;
  /** Adds a notice about the current state (e.g. a budget clamped to a file's N). */
  notify(notice: StateNotice): void;
  subscribe(listener: Listener): void;
  /** The absolute link that reproduces the current state. */
  permalink(): string;
}

export function createStore(win: Window = window): Store {
  let { state, notices } = readAddress(win.location.search);
  let gestureOpen = false; // a history entry was pushed for the drag now in progress
  const listeners: Listener[] = [];
  const emit = (): void => { for (const l of listeners) l(state, notices); };
  const search = (): string => `?${writeState(state)}`;

  // Normalize the address bar once, so it shows the full state the page is in.
  win.history.replaceState(null, '', search());

  const write = (commit: Commit): void => {
    const next = search();
    if (next === win.location.search) {
      if (commit === 'final') gestureOpen = false;
      return;
    }
    if (gestureOpen) win.history.replaceState(null, '', next);
    else win.history.pushState(null, '', next);
    gestureOpen = commit === 'live';
  };

  win.addEventListener('popstate', () => {
    ({ state, notices } = readAddress(win.location.search));
    gestureOpen = false;
    emit();
  });

  return {
    get state() { return state; },
    get notices() { return notices; },
    update(change, commit) {
      const draft = structuredClone(state);
      change(draft);
      this.replace(draft, commit);
    },
    replace(next, commit) {
      state = next;
      write(commit);
      emit();
    },
    dismissNotices() {
      notices = [];
      emit();
    },
    notify(notice) {
      notices = [...notices, notice];
      emit();
    },
    subscribe(listener) { listeners.push(listener); },
    permalink: () => new URL(search(), win.location.href).href,
  };
}
