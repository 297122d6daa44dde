/**
 * The comparison in a link: `compare=cell:lstm;cell:gru,lr:0.001` lists the runs compared with run
 * A (B, C, D), one per `;`, each as the settings where it differs from run A (`key:value` pairs
 * separated by commas, values written as the key’s own link value: `rho:off`, `lr:0.001`). `same`
 * is a run identical to A; `compare=none` (or no key) is no comparison. Task, T, batch and seed are
 * shared by every run, so a run cannot set them. Reading is total, like the rest of the codec:
 * what cannot be used is dropped and said.
 */
import type { TrainConfig } from '../worker/config';
import { MAX_RUNS } from '../worker/runsProtocol';
import { isShared } from './runs';
import { CONFIG_KEYS, FIELDS, show } from './urlFields';
import type { Field } from './urlFields';

const SAME = 'same';
const NONE = 'none';
/** Longest `compare=` value read: four runs with every key differ in well under 1000 characters. */
const MAX_COMPARE = 2000;

const KEYS = new Set<string>(CONFIG_KEYS);

/** Runs B… as full configs over `base` (run A), with every problem met. */
export function parseCompare(
  raw: string,
  base: TrainConfig,
): { configs: TrainConfig[]; problems: string[] } {
  const problems: string[] = [];
  const text = raw.trim();
  if (text === '' || text.toLowerCase() === NONE) return { configs: [], problems };
  if (text.length > MAX_COMPARE)
    return { configs: [], problems: [`compare=${show(raw)} is too long; no comparison`] };
  const entries = text.split(';');
  if (entries.length > MAX_RUNS - 1)
    problems.push(
      `compare= lists ${entries.length} runs; at most ${MAX_RUNS - 1} are compared with run A (the rest are ignored)`,
    );
  const configs = entries.slice(0, MAX_RUNS - 1).map((entry, k) => {
    const letter = 'BCD'[k];
    const config: TrainConfig = { ...base };
    const e = entry.trim();
    if (e === '' || e.toLowerCase() === SAME) return config;
    for (const pair of e.split(',')) {
      const at = pair.indexOf(':');
      const key = at < 0 ? pair.trim() : pair.slice(0, at).trim();
      const value = at < 0 ? '' : pair.slice(at + 1).trim();
      if (!KEYS.has(key)) {
        problems.push(`compare, run ${letter}: ${show(key)} is not a setting; ignored`);
        continue;
      }
      if (isShared(key)) {
        problems.push(
          `compare, run ${letter}: ${key} is shared by every run (set it for run A); ignored`,
        );
        continue;
      }
      readKey(config, key as keyof TrainConfig, value, `compare, run ${letter}: `, problems);
    }
    return config;
  });
  return { configs, problems };
}

function readKey<K extends keyof TrainConfig>(
  config: TrainConfig,
  key: K,
  raw: string,
  where: string,
  problems: string[],
): void {
  const field = FIELDS[key] as Field<TrainConfig[K]>;
  const r = field.parse(raw);
  if (r.ok) {
    config[key] = r.value;
    if (r.note !== undefined) problems.push(where + r.note);
  } else problems.push(`${where}${r.why}; using run A's ${field.format(config[key])}`);
}

/** One run as its differences from run A (`same` when there are none). */
function formatRun(config: TrainConfig, base: TrainConfig): string {
  const pairs: string[] = [];
  for (const key of CONFIG_KEYS) {
    if (isShared(key)) continue;
    const field = FIELDS[key] as Field<unknown>;
    if (!field.equals(config[key], base[key])) pairs.push(`${key}:${field.format(config[key])}`);
  }
  return pairs.length === 0 ? SAME : pairs.join(',');
}

/** The `compare=` value for runs B… over run A, or null when there is no comparison. */
export function formatCompare(configs: readonly TrainConfig[], base: TrainConfig): string | null {
  return configs.length === 0 ? null : configs.map((c) => formatRun(c, base)).join(';');
}

/** Runs B… that follow run A's shared settings (task, T, batch, seed), whatever they held. */
export function shareWith(base: TrainConfig, configs: readonly TrainConfig[]): TrainConfig[] {
  return configs.map((c) => ({
    ...c,
    task: base.task,
    T: base.T,
    batch: base.batch,
    seed: base.seed,
  }));
}
