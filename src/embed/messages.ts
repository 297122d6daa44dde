/**
 * The embed's messaging contract with its host page (documented for authors in
 * public/embed-example.html).
 *
 * Inbound, host → iframe, each a plain object:
 *   { type: 'bptt-playground:set-config', config: { rho: 1.5, clip: 0, ... } }   any subset of TrainConfig
 *   { type: 'bptt-playground:play' } · { type: 'bptt-playground:pause' } · { type: 'bptt-playground:reset' }
 * Anything else is ignored. Config values go through the same table as the URL (store/urlFields):
 * out-of-range numbers are clamped; a wrong type, an unknown key or an unreadable value makes the
 * whole message ignored, so a half-applied config never happens.
 *
 * Outbound, iframe → host: { type: 'bptt-playground:resize', height } whenever the content height
 * (CSS pixels, rounded up) changes.
 */
import * as v from 'valibot';
import { CONFIG_KEYS, readConfigPatch } from '../store/urlFields';
import { DEFAULT_CONFIG, TrainConfigPatchSchema } from '../worker/config';
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

/**
 * The message if `data` is one of the four inbound messages with valid values, else null.
 * Never throws (a hostile payload, e.g. an object with a throwing getter, gives null).
 */
export function parseInbound(data: unknown): Inbound | null {
  try {
    // Cheap shape checks first, so huge payloads are turned away without being walked.
    if (!isRecord(data)) return null;
    const type = data.type;
    if (typeof type !== 'string' || type.length > 64 || !type.startsWith(MESSAGE_PREFIX))
      return null;
    if (type === 'bptt-playground:set-config') {
      const config = data.config;
      if (!isRecord(config) || !hasAtMostKeys(config, MAX_CONFIG_KEYS)) return null;
    }
    const r = v.safeParse(InboundSchema, data);
    if (!r.success) return null;
    const out = r.output;
    return out.type === 'bptt-playground:set-config'
      ? { type: out.type, config: out.config.config, problems: out.config.problems }
      : { type: out.type };
  } catch {
    return null;
  }
}

/**
 * Call onMessage for every valid inbound message. When `from` is given (the host: window.parent),
 * messages from any other window are ignored. The origin is not checked: course pages live on
 * any site, and the four messages only do what the embed's own buttons do.
 */
export function startInboundListener(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  onMessage: (msg: Inbound) => void,
  from?: unknown,
): () => void {
  const listener = (event: MessageEvent): void => {
    if (from !== undefined && event.source !== from) return;
    const msg = parseInbound(event.data);
    if (msg !== null) onMessage(msg);
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
