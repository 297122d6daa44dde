/**
 * The URL codec: query string ⇄ (config, view, lesson). Pure: no window, no history.
 *
 * Decoding is total. It starts from the defaults, applies the lesson preset if `lesson=` names
 * one, then every supplied value read through the key's table entry (urlFields.ts): out-of-range
 * numbers are clamped, unusable values keep what was there, values the setup cannot use (a forget
 * bias for a GRU, an init the cell does not offer: urlTidy.ts) are put back, and each change is
 * listed in `problems` for the page to show. Unknown keys are ignored and named once. Duplicate
 * keys: the last one wins (URLSearchParams order), and it is said so. Nothing throws, whatever the
 * string.
 *
 * Encoding writes only the keys that differ from the baseline (defaults + lesson) and that the
 * setup uses, in table order, so links stay short and hand-editable: `?v=1&lesson=vanishing&T=100`.
 */
import { DEFAULT_CONFIG } from '../worker/config';
import type { TrainConfig } from '../worker/config';
import { formatCompare, parseCompare } from './compareCodec';
import { findLesson, lessonRuns, LESSONS } from './lessons';
import { fitRuns } from './runs';
import { CONFIG_KEYS, DEFAULT_VIEW, FIELDS, show, VIEW_KEYS } from './urlFields';
import { keyInUse, tidyLink } from './urlTidy';
import { initForCell } from '../worker/cellFit';
import type { ControlId, Field, PanelId, UrlState, ViewState } from './urlFields';

export { CONFIG_KEYS, CONTROL_IDS, DEFAULT_VIEW, FIELDS, PANEL_IDS, VIEW_KEYS } from './urlFields';
export type { ControlId, Field, PanelId, Theme, ViewState } from './urlFields';

/** Link format version, written as `v=1`; a later format can migrate older links by it. */
export const URL_VERSION = 1;

/** What a link holds. */
export interface UrlSnapshot {
  config: TrainConfig;
  /** Runs compared with run A (compareCodec.ts); absent or [] when there is no comparison. */
  compare?: readonly TrainConfig[];
  view: ViewState;
  /** Id of the lesson the link starts from, or null. */
  lesson: string | null;
}

export interface DecodedUrl extends UrlSnapshot {
  compare: readonly TrainConfig[];
  /** Human-readable notes on every value that was changed or ignored; empty for a clean link. */
  problems: string[];
}

const KNOWN_KEYS = new Set<string>([...CONFIG_KEYS, ...VIEW_KEYS, 'compare', 'lesson', 'v']);
const KEY_BY_LOWER = new Map([...KNOWN_KEYS].map((k) => [k.toLowerCase(), k]));
const MAX_UNKNOWN_SHOWN = 5;
/** A real link is well under 1 KB; browsers cap URLs at a few MB. Longer input is not read at all. */
const MAX_SEARCH = 100_000;
const MAX_UNKNOWN_COUNTED = 1000;

/**
 * Defaults with the lesson's config over them: the baseline links are written against. The view
 * baseline is DEFAULT_VIEW in the mode the lesson opens in (`view=backward` for a lesson about the
 * backward pass); a lesson's panel and control hints apply through shownPanels / shownControls only
 * where the link does not choose, so a full-app link never needs `panels=all`.
 */
export function baseline(lessonId: string | null): { config: TrainConfig; view: ViewState } {
  const lesson = lessonId === null ? undefined : findLesson(lessonId);
  return {
    config: { ...DEFAULT_CONFIG, ...lesson?.config },
    view: { ...DEFAULT_VIEW, view: lesson?.view?.mode ?? DEFAULT_VIEW.view },
  };
}

/** Panels an embed shows: the link's choice, else the lesson's hint, else null (all). */
export function shownPanels(view: ViewState, lessonId: string | null): readonly PanelId[] | null {
  return (
    view.panels ?? (lessonId === null ? undefined : findLesson(lessonId)?.view?.panels) ?? null
  );
}

/** Controls an embed shows: the link's choice, else the lesson's hint, else null (all). */
export function shownControls(
  view: ViewState,
  lessonId: string | null,
): readonly ControlId[] | null {
  return (
    view.controls ?? (lessonId === null ? undefined : findLesson(lessonId)?.view?.controls) ?? null
  );
}

function readInto<K extends keyof UrlState>(
  state: UrlState,
  key: K,
  raw: string,
  problems: string[],
): void {
  const field = FIELDS[key] as Field<UrlState[K]>;
  const r = field.parse(raw);
  if (r.ok) {
    state[key] = r.value;
    if (r.note !== undefined) problems.push(r.note);
  } else {
    problems.push(`${r.why}; using ${field.format(state[key])}`);
  }
}

function decodeUnsafe(search: string): DecodedUrl {
  const problems: string[] = [];
  if (search.length > MAX_SEARCH) {
    return {
      ...baseline(null),
      compare: [],
      lesson: null,
      problems: [
        `this link is too long (${search.length} characters; at most ${MAX_SEARCH}); using the defaults`,
      ],
    };
  }
  // URLSearchParams never throws on a string: bad percent-escapes stay as text and invalid UTF-8
  // becomes U+FFFD. It also drops one leading '?'.
  const params = new URLSearchParams(search);
  const last = new Map<string, string>();
  const times = new Map<string, number>();
  // Distinct unknown keys, counted up to a cap so a hostile link cannot grow this without bound.
  const unknownSet = new Set<string>();
  for (const [k, v] of params) {
    if (KNOWN_KEYS.has(k)) {
      last.set(k, v);
      times.set(k, (times.get(k) ?? 0) + 1);
    } else if (unknownSet.size < MAX_UNKNOWN_COUNTED) unknownSet.add(k);
  }
  for (const [k, n] of times)
    if (n > 1)
      problems.push(`${k} appears ${n} times; the last one counts (${k}=${show(last.get(k))})`);
  const unknownCount = unknownSet.size;
  const unknown = [...unknownSet].slice(0, MAX_UNKNOWN_SHOWN);

  let lesson: string | null = null;
  const lessonRaw = last.get('lesson');
  if (lessonRaw !== undefined) {
    // Lesson ids are lower case; a hand-typed `lesson=Vanishing` still finds its lesson.
    const id = lessonRaw.length <= 64 ? lessonRaw.toLowerCase() : '';
    if (findLesson(id) !== undefined) lesson = id;
    else
      problems.push(
        `lesson=${show(lessonRaw)} is not a known lesson (known: ${LESSONS.map((l) => l.id).join(', ')}); ignored`,
      );
  }
  const base = baseline(lesson);
  const state: UrlState = { ...base.config, ...base.view };
  for (const key of [...CONFIG_KEYS, ...VIEW_KEYS]) {
    const raw = last.get(key);
    if (raw !== undefined) readInto(state, key, raw, problems);
  }
  tidyLink(state, { ...base.config, ...base.view }, last, lesson, problems);

  const v = last.get('v');
  if (v !== undefined && v !== String(URL_VERSION)) {
    problems.push(
      `v=${show(v)}: this page reads link version ${URL_VERSION}; read as version ${URL_VERSION}`,
    );
  }
  if (unknown.length > 0) {
    const named = unknown.map((k) => {
      const near = k.length <= 32 ? KEY_BY_LOWER.get(k.toLowerCase()) : undefined;
      return near !== undefined ? `${show(k)} (did you mean ${near}?)` : show(k);
    });
    const rest = unknownCount - unknown.length;
    const more =
      rest <= 0 ? '' : unknownCount >= MAX_UNKNOWN_COUNTED ? ' and many more' : ` and ${rest} more`;
    problems.push(
      `ignored unknown ${unknownCount === 1 ? 'key' : 'keys'} ${named.join(', ')}${more}`,
    );
  }

  const config = Object.fromEntries(
    CONFIG_KEYS.map((k) => [k, state[k]]),
  ) as unknown as TrainConfig;
  const view = Object.fromEntries(VIEW_KEYS.map((k) => [k, state[k]])) as unknown as ViewState;
  // Without `compare=`, a comparison lesson's own runs.
  const compareRaw = last.get('compare');
  const compared = compareRaw === undefined ? null : parseCompare(compareRaw, config);
  problems.push(...(compared?.problems ?? []));
  const lessonOf = lesson === null ? undefined : findLesson(lesson);
  const compare = compared?.configs ?? (lessonOf ? lessonRuns(lessonOf, config) : []);
  if (view.run > compare.length) {
    problems.push(
      `run=${FIELDS.run.format(view.run)}: there ${compare.length === 0 ? 'is one run' : `are ${compare.length + 1} runs`}; showing run A`,
    );
    view.run = 0;
  }
  return { config, compare, view, lesson, problems };
}

/** Read a query string (with or without the leading '?'). Never throws. */
export function decodeUrl(search: string): DecodedUrl {
  try {
    const d = decodeUnsafe(typeof search === 'string' ? search : '');
    const fit = fitRuns(d.config, d.compare);
    return fit.note === null
      ? d
      : {
          ...d,
          config: fit.config,
          compare: fit.compare,
          problems: [...d.problems, fit.note],
        };
  } catch {
    // Unreachable as far as we know (every step above is total); a last guard so a link can never
    // take the page down.
    return {
      ...baseline(null),
      compare: [],
      lesson: null,
      problems: ['could not read this link; using the defaults'],
    };
  }
}

// encodeURIComponent, but commas, colons and semicolons stay readable (`panels=grad,belt`,
// `compare=cell:lstm;cell:gru`): none of them splits a query string.
const enc = (s: string): string =>
  encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%3B/gi, ';');

function pushIfChanged<K extends keyof UrlState>(
  out: string[],
  key: K,
  value: UrlState[K],
  base: UrlState[K],
): void {
  const field = FIELDS[key] as Field<UrlState[K]>;
  if (!field.equals(value, base)) out.push(`${key}=${enc(field.format(value))}`);
}

/**
 * Query string (without '?') for a setup: `v=1`, the lesson, then every key whose value differs
 * from the baseline, in table order, then the comparison. '' when everything is default. An unknown
 * lesson id is dropped (the values are then written against the plain defaults).
 */
export function encodeUrl(
  config: TrainConfig,
  view: ViewState,
  lesson: string | null = null,
  compare: readonly TrainConfig[] = [],
): string {
  const known = lesson !== null && findLesson(lesson) !== undefined ? lesson : null;
  const base = baseline(known);
  const out: string[] = [];
  if (known !== null) out.push(`lesson=${enc(known)}`);
  // The init the cell trains with; keys the setup has no use for are left out (urlTidy.ts).
  const state: UrlState = { ...config, init: initForCell(config.cell, config.init), ...view };
  for (const k of CONFIG_KEYS)
    if (keyInUse(state, k)) pushIfChanged(out, k, state[k], base.config[k]);
  for (const k of VIEW_KEYS) if (keyInUse(state, k)) pushIfChanged(out, k, view[k], base.view[k]);
  // The comparison, unless it is the lesson's own (none: `compare=none` under a comparison lesson).
  const c = formatCompare(compare, config);
  const lessonOf = known === null ? undefined : findLesson(known);
  const own = formatCompare(lessonOf ? lessonRuns(lessonOf, config) : [], config);
  if (c !== own) out.push(`compare=${c === null ? 'none' : enc(c)}`);
  return out.length === 0 ? '' : [`v=${URL_VERSION}`, ...out].join('&');
}
