/**
 * The student's predictions and which lessons they have seen answered, kept only in this browser
 * (localStorage; never sent anywhere). Where storage is unavailable (private mode, a sandboxed
 * iframe, a full quota) they live for the page's lifetime instead.
 */
import { createStore } from 'zustand/vanilla';

export interface PredictEntry {
  /** The option chosen, or null when the question was skipped. */
  readonly choice?: number | null;
  /** The run has answered the question while the lesson was open. */
  readonly observed?: boolean;
}

export type PredictRecord = Readonly<Record<string, PredictEntry>>;

export const STORAGE_KEY = 'bptt-playground.predictions.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Reading the property itself throws where storage is blocked.
  }
}

/** Keeps only well-formed entries: the stored text may be old, hand-edited or truncated. */
export function parseRecord(text: string | null): PredictRecord {
  if (text === null) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<string, PredictEntry> = {};
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null || id.length > 64) continue;
    const { choice, observed } = v as { choice?: unknown; observed?: unknown };
    const entry: { choice?: number | null; observed?: boolean } = {};
    if (choice === null || (Number.isInteger(choice) && (choice as number) >= 0))
      entry.choice = choice as number | null;
    if (observed === true) entry.observed = true;
    out[id] = entry;
  }
  return out;
}

function load(): PredictRecord {
  try {
    return parseRecord(storage()?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return {};
  }
}

function save(r: PredictRecord): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(r));
  } catch {
    // Quota or a blocked store: the record stays in memory for this page.
  }
}

export const predictStore = createStore<{ record: PredictRecord }>(() => ({ record: load() }));

/** Sets (or with `undefined`, clears) parts of a lesson's entry, and saves. */
export function updateEntry(lesson: string, patch: PredictEntry): void {
  const record = predictStore.getState().record;
  const next: Record<string, PredictEntry> = { ...record };
  const merged: Record<string, unknown> = { ...record[lesson], ...patch };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  next[lesson] = merged as PredictEntry;
  predictStore.setState({ record: next });
  save(next);
}

/** Re-reads storage (another tab, or a test that wrote it). */
export function reloadPredictions(): void {
  predictStore.setState({ record: load() });
}
