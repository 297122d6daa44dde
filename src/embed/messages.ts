/**
 * The embed's messaging contract with its host page (documented for authors in
 * public/embed-example.html).
 *
 * Inbound, host → iframe, each a plain object:
 *   { type: 'bptt-playground:set-config', config: { rho: 1.5, clip: 0, ... } }   any subset of TrainConfig
 *   { type: 'bptt-playground:play' } · { type: 'bptt-playground:pause' } · { type: 'bptt-playground:reset' }
 * Anything else is ignored. Config values go through the same table as the URL (store/urlFields):
 * out-of-range numbers are clamped; a wrong type, an unknown key, an unreadable value, or a value
 * the resulting cell has no use for (fitPatchToCell: a forget bias for a GRU, an init the cell does
 * not offer) makes the whole message ignored, so a half-applied config never happens. Neither is
 * silent: the embed names what it clamped or why it ignored a message in the console, where the
 * host page's author looks (the reader of the page did not send it).
 *
 * Outbound, iframe → host: { type: 'bptt-playground:resize', height } whenever the content height
 * (CSS pixels, rounded up) changes.
 */
import * as v from 'valibot';
import { CONFIG_KEYS, readConfigPatch, show } from '../store/urlFields';
import { DEFAULT_CONFIG, TrainConfigPatchSchema } from '../worker/config';
import {
  cellUsesKey,
  fitRing,
  initForCell,
  initUnusedReason,
  keyUnusedReason,
} from '../worker/cellFit';
import type { TrainConfig } from '../worker/config';

export const MESSAGE_PREFIX = 'bptt-playground:';
export const RESIZE_TYPE = 'bptt-playground:resize';

export type Inbound =
  | {
      type: 'bptt-playground:set-config';
      /** Only the keys the host sent, each valid (clamped into LIMITS). */
      config: Partial<TrainConfig>;
      /** What clamping changed, e.g. "T=5000 is above the largest allowed 1000; using 1000". */
      problems: readonly string[];
    }
  | { type: 'bptt-playground:play' }
  | { type: 'bptt-playground:pause' }
  | { type: 'bptt-playground:reset' };

export interface ResizeMessage {
  type: typeof RESIZE_TYPE;
  height: number;
}

/** More keys than TrainConfig has cannot be a valid patch; checked before any schema work. */
const MAX_CONFIG_KEYS = CONFIG_KEYS.length;

// Every config value is a primitive; nested objects or arrays fail here, before any traversal.
const Primitive = v.union([v.number(), v.pipe(v.string(), v.maxLength(64)), v.boolean(), v.null()]);

const ConfigPatch = v.pipe(
  v.strictObject(
    Object.fromEntries(CONFIG_KEYS.map((k) => [k, v.optional(Primitive)])) as Record<
      keyof TrainConfig,
      v.OptionalSchema<typeof Primitive, undefined>
    >,
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const given = Object.fromEntries(
      Object.entries(dataset.value).filter(([, x]) => x !== undefined),
    );
    // The table reads the values; DEFAULT_CONFIG is only the base it writes onto.
    const r = readConfigPatch(DEFAULT_CONFIG, given);
    if (r.invalid.length > 0 || r.unknown.length > 0) {
      addIssue({ message: [...r.invalid, ...r.unknown].join('; ') });
      return NEVER;
    }
    const config: Partial<TrainConfig> = Object.fromEntries(
      Object.keys(given).map((k) => [k, r.config[k as keyof TrainConfig]]),
    );
    // The table reads values leniently (clamping, words); what it hands on must pass the same
    // schema the worker checks, so a host can never send the worker something it refuses.
    if (!v.is(TrainConfigPatchSchema, config)) {
      addIssue({ message: 'config does not fit the train config schema' });
      return NEVER;
    }
    return { config, problems: r.problems };
  }),
);

const InboundSchema = v.variant('type', [
  v.object({ type: v.literal('bptt-playground:set-config'), config: ConfigPatch }),
  v.object({ type: v.literal('bptt-playground:play') }),
  v.object({ type: v.literal('bptt-playground:pause') }),
  v.object({ type: v.literal('bptt-playground:reset') }),
]);

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Counting keys costs time linear in their number (V8 lists them all even when the loop stops
 * early: ~1.4 s for a million keys on this machine), so only the config object is counted; the
 * envelope is read by name and its other fields are never looked at.
 */
function hasAtMostKeys(x: Record<string, unknown>, maxKeys: number): boolean {
  let n = 0;
  for (const k in x) if (Object.hasOwn(x, k) && ++n > maxKeys) return false;
  return true;
}

/** What a message with our prefix came to: the message, or why it is ignored. */
export type InboundRead = { ok: true; msg: Inbound } | { ok: false; type: string; why: string };

// valibot's issues, worded for a host page's author: the table's own words for a config value.
const issueText = (issues: readonly v.BaseIssue<unknown>[]): string =>
  issues
    .slice(0, 3)
    .map((i) => {
      const path = v.getDotPath(i);
      if (path === 'type') return 'not one of play, pause, reset, set-config';
      if (i.type === 'strict_object') return `unknown key ${show(i.input)}`;
      return path === null || path === 'config' ? i.message : `${path}: ${i.message}`;
    })
    .join('; ');

/**
 * Reads `data`: null when it is not addressed to the embed (no `bptt-playground:` type), else the
 * message with valid values or why it is ignored. Never throws (a hostile payload, e.g. an object
 * with a throwing getter, is ignored with a reason).
 */
export function readInbound(data: unknown): InboundRead | null {
  let shown = 'a message';
  const ignored = (why: string): InboundRead => ({ ok: false, type: shown, why });
  try {
    // Cheap shape checks first, so huge payloads are turned away without being walked.
    if (!isRecord(data)) return null;
    const type = data.type;
    if (typeof type !== 'string' || !type.startsWith(MESSAGE_PREFIX)) return null;
    shown = type.length <= 64 ? type : show(type);
    if (type.length > 64) return ignored('its type is too long');
    if (type === 'bptt-playground:set-config') {
      const config = data.config;
      if (!isRecord(config)) return ignored('config is not an object');
      if (!hasAtMostKeys(config, MAX_CONFIG_KEYS))
        return ignored(`config has more than ${MAX_CONFIG_KEYS} keys`);
    }
    const r = v.safeParse(InboundSchema, data);
    if (!r.success) return ignored(issueText(r.issues));
    const out = r.output;
    return {
      ok: true,
      msg:
        out.type === 'bptt-playground:set-config'
          ? { type: out.type, config: out.config.config, problems: out.config.problems }
          : { type: out.type },
    };
  } catch {
    return ignored('it could not be read');
  }
}

/** The message if `data` is one of the four inbound messages with valid values, else null. */
export function parseInbound(data: unknown): Inbound | null {
  const r = readInbound(data);
  return r?.ok === true ? r.msg : null;
}

/**
 * A set-config patch checked against the config it lands on. A value the resulting cell has no use
 * for (a forget bias for a GRU, an init it does not offer) rejects the whole message, like an
 * unreadable value; one equal to what the config already holds loses nothing and passes. A cell
 * change alone takes the new cell's default init when the current one is not offered, as the
 * Cell menu does.
 */
export function fitPatchToCell(
  current: TrainConfig,
  patch: Partial<TrainConfig>,
): { ok: true; patch: Partial<TrainConfig> } | { ok: false; why: string } {
  const cell = patch.cell ?? current.cell;
  const why: string[] = [];
  const init = patch.init ?? current.init;
  const initWhy = initUnusedReason(cell, init);
  if (patch.init !== undefined && initWhy !== null) why.push(`init=${patch.init} is ${initWhy}`);
  for (const key of Object.keys(patch) as (keyof TrainConfig)[]) {
    const keyWhy = keyUnusedReason(cell, key);
    if (keyWhy !== null && patch[key] !== current[key])
      why.push(`${key}=${show(patch[key])}: ${keyWhy}`);
  }
  const ring = fitRing(patch.rmin ?? current.rmin, patch.rmax ?? current.rmax);
  if (cellUsesKey(cell, 'rmin') && ring.note !== null) why.push(ring.note);
  if (why.length > 0) return { ok: false, why: why.join('; ') };
  return initWhy === null
    ? { ok: true, patch }
    : { ok: true, patch: { ...patch, init: initForCell(cell, init) } };
}

/**
 * Call onMessage for every valid inbound message, onIgnored for every other one addressed to the
 * embed. When `from` is given (the host: window.parent), messages from any other window are ignored
 * without a word (any window may post to the embed). The origin is not checked: course pages live on
 * any site, and the four messages only do what the embed's own buttons do.
 */
export function startInboundListener(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  onMessage: (msg: Inbound) => void,
  from?: unknown,
  /** Told why a message addressed to the embed is ignored. */
  onIgnored: (type: string, why: string) => void = () => {},
): () => void {
  const listener = (event: MessageEvent): void => {
    if (from !== undefined && event.source !== from) return;
    const r = readInbound(event.data);
    if (r === null) return;
    if (r.ok) onMessage(r.msg);
    else onIgnored(r.type, r.why);
  };
  target.addEventListener('message', listener);
  return () => target.removeEventListener('message', listener);
}

/**
 * Post `{type: 'bptt-playground:resize', height}` now and whenever `observe` reports a change that
 * alters the height (rounded up to whole CSS pixels). Returns stop().
 * The target origin is '*': the message carries only a number the host can see anyway by laying
 * out the iframe, and the host's origin is not known in advance (any course site may embed).
 */
export function startResizeReporter(
  target: { postMessage(message: unknown, targetOrigin: string): void },
  getHeight: () => number,
  observe: (cb: () => void) => () => void,
): () => void {
  let last = -1;
  const report = (): void => {
    const h = Math.ceil(getHeight());
    if (!Number.isFinite(h) || h < 0 || h === last) return;
    last = h;
    const msg: ResizeMessage = { type: RESIZE_TYPE, height: h };
    target.postMessage(msg, '*');
  };
  report();
  const unobserve = observe(report);
  return () => unobserve();
}
