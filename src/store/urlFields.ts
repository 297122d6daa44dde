/**
 * The one table of every user-settable key: how it is read from a link (or a postMessage payload),
 * written back, its default and its allowed values. The URL codec (url.ts) and the embed message
 * parser (embed/messages.ts) both read values through it, so a value is clamped the same way
 * wherever it comes from. The config keys' readers are built from the config's valibot schema
 * (worker/config.ts: choices, ranges, integer or not, nullable), so the protocol's strict check and
 * this lenient one cannot disagree; a new config key needs nothing here.
 */
import { DEFAULT_CONFIG, TrainConfigSchema } from '../worker/config';
import type { TrainConfig } from '../worker/config';

export const PANEL_IDS = [
  'grad',
  'spectrum',
  'belt',
  'loss',
  'hidden',
  'sweep',
  'explain',
  'backward',
  'scan',
  'controls',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/**
 * Controls an embed may keep visible (`controls=`); `forget` is the forget-gate bias, `hold` φ,
 * `ring` the LRU's r_min, r_max and max phase, `N` S6's state size.
 */
export const CONTROL_IDS = [
  'cell',
  'task',
  'T',
  'H',
  'batch',
  'init',
  'rho',
  'forget',
  'hold',
  'ring',
  'N',
  'opt',
  'lr',
  'clip',
  'tbptt',
  'freeze',
  'seed',
  'play',
  'step',
  'reset',
  'speed',
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

export type Theme = 'light' | 'dark';

/**
 * What the page shows: training (the default), the backward pass stepped through (`view=backward`),
 * or the parallel scan of the diagonal recurrences stepped level by level (`view=scan`).
 */
export const VIEW_MODES = ['train', 'backward', 'scan'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** `autoplay=1`, `autoplay=0` (the default) or `autoplay=slide`. */
export type Autoplay = boolean | 'slide';

/** How the page is shown; rides the URL beside the config but never reaches the worker. */
export interface ViewState {
  /** Chrome-free iframe view. */
  embed: boolean;
  /**
   * Panels shown in embed mode, in this order; null = not chosen: the lesson's panels if a lesson
   * is set, else all (see shownPanels in url.ts). The full app shows every panel.
   */
  panels: readonly PanelId[] | null;
  /** Controls left visible in embed mode; null = not chosen (lesson's, else all), [] = none (`controls=none`). */
  controls: readonly ControlId[] | null;
  /**
   * true: start training as soon as the page loads; 'slide': train while a reveal.js deck shows
   * the embed's slide (its 'slide:start' / 'slide:stop' messages, embed/slides.ts).
   */
  autoplay: Autoplay;
  /** null follows the system setting. */
  theme: Theme | null;
  /** Projector mode: large type. */
  large: boolean;
  /** Presenter mode: the settings column hidden, the lesson and its charts take the screen. */
  presenter: boolean;
  /** Training, or the backward pass of the batch on screen stepped through one step at a time. */
  view: ViewMode;
  /** The picked run of a comparison (0 = A … 3 = D): spectrum, belt and hidden state show it. */
  run: number;
  /** Ask the lesson's question before Play (`predict=0` hides it: a class that answered on paper). */
  predict: boolean;
}

export const DEFAULT_VIEW: ViewState = {
  embed: false,
  panels: null,
  controls: null,
  autoplay: false,
  theme: null,
  large: false,
  presenter: false,
  view: 'train',
  run: 0,
  predict: true,
};

/** Everything the URL carries apart from `lesson` and `v`. Config and view keys are disjoint. */
export type UrlState = TrainConfig & ViewState;

/** The outcome of reading one value: a usable value (with a note if it was changed), or why not. */
export type Read<V> = { ok: true; value: V; note?: string } | { ok: false; why: string };

export interface Field<V> {
  readonly key: string;
  readonly default: V;
  /** Read a URL value (already percent-decoded). */
  parse(raw: string): Read<V>;
  /** Read a JavaScript value (a preset, a postMessage payload); strings go through parse. */
  accept(value: unknown): Read<V>;
  /** Shortest text that parse reads back to exactly this value. */
  format(value: V): string;
  equals(a: V, b: V): boolean;
  /** Numbers: allowed interval, and whether only whole numbers are allowed. */
  readonly range?: { readonly min: number; readonly max: number; readonly integer: boolean };
  /** Words the key accepts (choices, list items, or the word for "off"). */
  readonly choices?: readonly string[];
}

/** Longest raw value we even look at: valid values are at most ~25 characters. */
const MAX_RAW = 64;

/** A raw value cut short for messages, so a 10 MB value never lands in the UI. */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 24 ? `${value.slice(0, 24)}… (${value.length} characters)` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

// Plain decimal or exponent notation only: rejects 'Infinity', 'NaN', hex, '1_000', empty text.
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function readNumber(
  key: string,
  raw: unknown,
  min: number,
  max: number,
  integer: boolean,
): Read<number> {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    // A hand-typed '+' in a query string arrives as a space ('1e+2' → '1e 2').
    const text = raw.length > MAX_RAW ? '' : raw.replace(/ /g, '+');
    n = NUMBER_RE.test(text) ? Number(text) : NaN;
  } else return { ok: false, why: `${key}=${show(raw)} is not a number` };
  if (Number.isNaN(n)) return { ok: false, why: `${key}=${show(raw)} is not a number` };
  if (n > max)
    return {
      ok: true,
      value: max,
      note: `${key}=${show(raw)} is above the largest allowed ${max}; using ${max}`,
    };
  if (n < min)
    return {
      ok: true,
      value: min,
      note: `${key}=${show(raw)} is below the smallest allowed ${min}; using ${min}`,
    };
  if (integer && !Number.isInteger(n)) {
    const r = Math.min(max, Math.max(min, Math.round(n)));
    return { ok: true, value: r, note: `${key}=${show(raw)} is not a whole number; using ${r}` };
  }
  return { ok: true, value: n === 0 ? 0 : n }; // -0 → 0, so equal configs encode equally
}

/** String(x) is the shortest text that reads back to exactly x (ECMAScript Number::toString). */
const formatNumber = (x: number): string => String(x);

interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

function numberField(
  key: string,
  def: number,
  { min, max, integer }: NumberRange,
  /** Words that mean a number, e.g. clip=off → 0. */
  words: Readonly<Record<string, number>> = {},
): Field<number> {
  const parse = (raw: string): Read<number> => {
    const word = raw.length <= MAX_RAW ? raw.toLowerCase() : '';
    const w = Object.hasOwn(words, word) ? words[word] : undefined;
    return w !== undefined ? { ok: true, value: w } : readNumber(key, raw, min, max, integer);
  };
  return {
    key,
    default: def,
    parse,
    format: formatNumber,
    equals: Object.is,
    accept: (v) => (typeof v === 'string' ? parse(v) : readNumber(key, v, min, max, integer)),
    range: { min, max, integer },
    ...(Object.keys(words).length > 0 ? { choices: Object.keys(words) } : {}),
  };
}

/** A number that may be switched off: the word `off` (or null in a payload) means null. */
function optionalNumberField(
  key: string,
  def: number | null,
  { min, max, integer }: NumberRange,
): Field<number | null> {
  const parse = (raw: string): Read<number | null> =>
    raw.length === 3 && raw.toLowerCase() === 'off'
      ? { ok: true, value: null }
      : readNumber(key, raw, min, max, integer);
  return {
    key,
    default: def,
    parse,
    equals: Object.is,
    format: (v) => (v === null ? 'off' : formatNumber(v)),
    accept: (v) =>
      v === null
        ? { ok: true, value: null }
        : typeof v === 'string'
          ? parse(v)
          : readNumber(key, v, min, max, integer),
    range: { min, max, integer },
    choices: ['off'],
  };
}

function choiceField<C extends string>(key: string, choices: readonly C[], def: C): Field<C> {
  const parse = (raw: string): Read<C> => {
    // Case-insensitive, so `cell=LSTM` typed by hand still works.
    const lower = raw.length <= MAX_RAW ? raw.toLowerCase() : '';
    const hit = choices.find((c) => c === raw || c === lower);
    return hit !== undefined
      ? { ok: true, value: hit }
      : { ok: false, why: `${key}=${show(raw)} is not one of ${choices.join(', ')}` };
  };
  return {
    key,
    default: def,
    parse,
    format: (v) => v,
    equals: Object.is,
    choices,
    accept: (v) =>
      typeof v === 'string'
        ? parse(v)
        : { ok: false, why: `${key}=${show(v)} is not one of ${choices.join(', ')}` },
  };
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on', '']; // '' so that a bare `?embed` also counts
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

function flagField(key: string): Field<boolean> {
  const parse = (raw: string): Read<boolean> => {
    const w = raw.length <= MAX_RAW ? raw.toLowerCase() : 'x';
    if (TRUE_WORDS.includes(w)) return { ok: true, value: true };
    if (FALSE_WORDS.includes(w)) return { ok: true, value: false };
    return { ok: false, why: `${key}=${show(raw)} is not 1 or 0` };
  };
  return {
    key,
    default: false,
    parse,
    format: (v) => (v ? '1' : '0'),
    equals: Object.is,
    accept: (v) =>
      typeof v === 'boolean'
        ? { ok: true, value: v }
        : typeof v === 'string'
          ? parse(v)
          : { ok: false, why: `${key}=${show(v)} is not 1 or 0` },
  };
}

/** A flag that also takes the word `slide` (train while a reveal.js slide shows the embed). */
function autoplayField(): Field<Autoplay> {
  const flag = flagField('autoplay');
  const why = (v: unknown) => `autoplay=${show(v)} is not 1, 0 or slide`;
  const parse = (raw: string): Read<Autoplay> => {
    if (raw.toLowerCase() === 'slide') return { ok: true, value: 'slide' };
    const r = flag.parse(raw);
    return r.ok ? r : { ok: false, why: why(raw) };
  };
  return {
    key: 'autoplay',
    default: false,
    parse,
    format: (v) => (v === 'slide' ? 'slide' : flag.format(v)),
    equals: Object.is,
    choices: ['slide'],
    accept: (v) =>
      typeof v === 'boolean'
        ? { ok: true, value: v }
        : typeof v === 'string'
          ? parse(v)
          : { ok: false, why: why(v) },
  };
}

/** A comma list of ids; null = all (key absent or `all`), [] = none (`none` or empty). Order kept, repeats dropped. */
function listField<C extends string>(key: string, ids: readonly C[]): Field<readonly C[] | null> {
  const readItems = (items: readonly unknown[], raw: unknown): Read<readonly C[] | null> => {
    const out: C[] = [];
    const bad: string[] = [];
    for (const item of items) {
      const hit = typeof item === 'string' ? ids.find((c) => c === item.trim()) : undefined;
      if (hit === undefined) bad.push(show(item));
      else if (!out.includes(hit)) out.push(hit);
    }
    if (bad.length === 0) return { ok: true, value: out };
    const what = `${key}: unknown ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ` and ${bad.length - 3} more` : ''} (known: ${ids.join(', ')})`;
    // A typo must not hide everything, so a list with nothing usable is unusable.
    if (out.length === 0)
      return {
        ok: false,
        why: `${key}=${show(raw)} names nothing known (known: ${ids.join(', ')})`,
      };
    return { ok: true, value: out, note: `${what}; ignored` };
  };
  const parse = (raw: string): Read<readonly C[] | null> => {
    const word = raw.length <= 8 ? raw.trim().toLowerCase() : '';
    if (word === 'all') return { ok: true, value: null };
    const t = word === 'none' ? '' : raw;
    if (t.length > 1000) return { ok: false, why: `${key}=${show(raw)} is too long` };
    return readItems(
      t.split(',').filter((s) => s.trim() !== ''),
      raw,
    );
  };
  return {
    key,
    default: null,
    parse,
    choices: ids,
    format: (v) => (v === null ? 'all' : v.length === 0 ? 'none' : v.join(',')),
    equals: (a, b) =>
      a === b ||
      (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i])),
    accept: (v) =>
      v === null
        ? { ok: true, value: null }
        : typeof v === 'string'
          ? parse(v)
          : Array.isArray(v) && v.length <= ids.length * 4
            ? readItems(v, v)
            : { ok: false, why: `${key}=${show(v)} is not a list of ${ids.join(', ')}` },
  };
}

function themeField(): Field<Theme | null> {
  const inner = choiceField<Theme | 'auto' | 'system'>(
    'theme',
    ['light', 'dark', 'auto', 'system'],
    'auto',
  );
  const toTheme = (r: Read<Theme | 'auto' | 'system'>): Read<Theme | null> =>
    !r.ok ? r : { ok: true, value: r.value === 'auto' || r.value === 'system' ? null : r.value };
  return {
    key: 'theme',
    default: null,
    equals: Object.is,
    choices: ['light', 'dark', 'auto'],
    format: (v) => v ?? 'auto',
    parse: (raw) => toTheme(inner.parse(raw)),
    accept: (v) => (v === null ? { ok: true, value: null } : toTheme(inner.accept(v))),
  };
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** A run of a comparison by its letter (`run=B`); the codec checks it against the runs there are. */
function runField(): Field<number> {
  const parse = (raw: string): Read<number> => {
    const k = raw.length === 1 ? LETTERS.indexOf(raw.toUpperCase() as 'A') : -1;
    return k >= 0
      ? { ok: true, value: k }
      : { ok: false, why: `run=${show(raw)} is not A, B, C or D` };
  };
  return {
    key: 'run',
    default: 0,
    parse,
    format: (v) => LETTERS[v] ?? 'A',
    equals: Object.is,
    choices: LETTERS,
    accept: (v) =>
      typeof v === 'string' ? parse(v) : { ok: false, why: `run=${show(v)} is not A, B, C or D` },
  };
}

/** What a config key's schema says about its values (see worker/config.ts). */
type KeyShape =
  | { readonly kind: 'choice'; readonly options: readonly string[] }
  | ({ readonly kind: 'number'; readonly nullable: boolean } & NumberRange);

/** The schema's own description of one key: a picklist, or a number pipe (nullable or not). */
function keyShape(key: string, schema: unknown): KeyShape {
  type Node = {
    type: string;
    wrapped?: Node;
    options?: readonly string[];
    pipe?: readonly { type: string; requirement?: unknown }[];
  };
  let s = schema as Node;
  const nullable = s.type === 'nullable' && s.wrapped !== undefined;
  if (nullable) s = s.wrapped!;
  if (s.type === 'picklist' && !nullable) return { kind: 'choice', options: s.options ?? [] };
  if (s.type === 'number') {
    const acts = s.pipe ?? [];
    const bound = (t: string) => acts.find((a) => a.type === t)?.requirement;
    const min = bound('min_value');
    const max = bound('max_value');
    if (typeof min === 'number' && typeof max === 'number')
      return {
        kind: 'number',
        nullable,
        min,
        max,
        integer: acts.some((a) => a.type === 'integer'),
      };
  }
  throw new TypeError(`urlFields: no link reader for config key ${key} (${s.type})`);
}

/** Words a link may use for a number: clip=off, tbptt=full. */
const NUMBER_WORDS: Partial<Record<keyof TrainConfig, Readonly<Record<string, number>>>> = {
  clip: { off: 0 },
  tbptt: { off: 0, full: 0 },
};

function configField(key: keyof TrainConfig): Field<unknown> {
  const shape = keyShape(key, TrainConfigSchema.entries[key]);
  const def = DEFAULT_CONFIG[key];
  if (shape.kind === 'choice') return choiceField(key, shape.options, def as string);
  if (shape.nullable) return optionalNumberField(key, def as number | null, shape);
  return numberField(key, def as number, shape, NUMBER_WORDS[key]);
}

export const CONFIG_KEYS = Object.keys(TrainConfigSchema.entries) as readonly (keyof TrainConfig)[];

const CONFIG_FIELDS = Object.fromEntries(CONFIG_KEYS.map((k) => [k, configField(k)])) as {
  readonly [K in keyof TrainConfig]: Field<TrainConfig[K]>;
};

/**
 * Every key of the URL but `lesson` and `v`. Key order is the order links are written in: the
 * config's (its schema's order), then the view's.
 */
export const FIELDS: { readonly [K in keyof UrlState]: Field<UrlState[K]> } = {
  ...CONFIG_FIELDS,
  embed: flagField('embed'),
  panels: listField('panels', PANEL_IDS),
  controls: listField('controls', CONTROL_IDS),
  autoplay: autoplayField(),
  theme: themeField(),
  large: flagField('large'),
  presenter: flagField('presenter'),
  view: choiceField('view', VIEW_MODES, 'train'),
  run: runField(),
  predict: { ...flagField('predict'), default: true },
};

// A record keyed by every view key, so forgetting one is a type error; its key order is the link order.
const VIEW_KEY_SET: Record<keyof ViewState, true> = {
  embed: true,
  panels: true,
  controls: true,
  autoplay: true,
  theme: true,
  large: true,
  presenter: true,
  view: true,
  run: true,
  predict: true,
};

export const VIEW_KEYS = Object.keys(VIEW_KEY_SET) as readonly (keyof ViewState)[];

/**
 * Read a partial config from untrusted JavaScript values (a preset, a postMessage payload) onto
 * `base`. Values out of range are clamped (listed in `problems`); unusable values keep `base`'s
 * value and are listed in `invalid`. Keys that are not config keys are listed in `unknown`.
 */
export function readConfigPatch(
  base: TrainConfig,
  patch: Readonly<Record<string, unknown>>,
): { config: TrainConfig; problems: string[]; invalid: string[]; unknown: string[] } {
  const config: TrainConfig = { ...base };
  const problems: string[] = [];
  const invalid: string[] = [];
  const unknown: string[] = [];
  for (const key of Object.keys(patch)) {
    if (!Object.hasOwn(CONFIG_FIELDS, key)) {
      unknown.push(show(key));
      continue;
    }
    const k = key as keyof TrainConfig;
    const r = acceptInto(config, k, patch[key]);
    if (!r.ok) invalid.push(r.why);
    else if (r.note !== undefined) problems.push(r.note);
  }
  return { config, problems, invalid, unknown };
}

function acceptInto<K extends keyof TrainConfig>(
  config: TrainConfig,
  k: K,
  value: unknown,
): Read<TrainConfig[K]> {
  const field = FIELDS[k] as Field<TrainConfig[K]>;
  const r = field.accept(value);
  if (r.ok) config[k] = r.value;
  return r;
}
