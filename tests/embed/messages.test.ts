import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  fitPatchToCell,
  parseInbound,
  startInboundListener,
  startResizeReporter,
} from '../../src/embed/messages';
import { decodeUrl } from '../../src/store/url';
import type { Inbound } from '../../src/embed/messages';
import { LIMITS } from '../../src/worker/config';

const SET = 'bptt-playground:set-config';
const SIMPLE = ['bptt-playground:play', 'bptt-playground:pause', 'bptt-playground:reset'] as const;

describe('parseInbound', () => {
  it('accepts the four messages', () => {
    for (const type of SIMPLE) expect(parseInbound({ type })).toEqual({ type });
    // Extra fields on the envelope are dropped, not fatal (hosts may tag their messages).
    expect(parseInbound({ type: 'bptt-playground:play', id: 7 })).toEqual({
      type: 'bptt-playground:play',
    });
    expect(
      parseInbound({ type: SET, config: { rho: 1.5, clip: 0, cell: 'lstm', holdForget: null } }),
    ).toEqual({
      type: SET,
      config: { cell: 'lstm', rho: 1.5, holdForget: null, clip: 0 },
      problems: [],
    });
  });

  it('clamps out-of-range values with the URL table, and reads numeric strings the same way', () => {
    const m = parseInbound({
      type: SET,
      config: { T: 5000, H: 0, lr: Infinity, seed: '42', tbptt: 'full' },
    });
    expect(m).toEqual({
      type: SET,
      config: { T: 1000, H: 1, lr: 1, tbptt: 0, seed: 42 },
      problems: [
        'T=5000 is above the largest allowed 1000; using 1000',
        'H=0 is below the smallest allowed 1; using 1',
        'lr=Infinity is above the largest allowed 1; using 1',
      ],
    });
  });

  it('a host page can set what trains (freeze), like a link', () => {
    for (const freeze of ['none', 'recurrent', 'all'] as const)
      expect(parseInbound({ type: SET, config: { freeze } })).toEqual({
        type: SET,
        config: { freeze },
        problems: [],
      });
    expect(parseInbound({ type: SET, config: { freeze: 'W_hh' } })).toBeNull();
  });

  it('ignores the whole message when any value is unusable or any key unknown', () => {
    const bad: unknown[] = [
      { type: SET, config: { T: NaN } },
      { type: SET, config: { T: 'abc' } },
      { type: SET, config: { cell: 'transformer' } },
      { type: SET, config: { T: 10, nope: 1 } },
      { type: SET, config: { T: { valueOf: () => 10 } } },
      { type: SET, config: { T: [10] } },
      { type: SET, config: { T: true } },
      { type: SET, config: { T: 10n } },
      { type: SET, config: { cell: 'x'.repeat(10_000_000) } },
      { type: SET, config: null },
      { type: SET, config: [] },
      { type: SET },
      { type: 'bptt-playground:resize', height: 3 },
      { type: 'bptt-playground:PLAY' },
      { type: 'bptt-playground:play'.padEnd(10_000_000, ' ') },
      { type: ['bptt-playground:play'] },
      { kind: 'bptt-playground:play' },
      'bptt-playground:play',
      null,
      undefined,
      42,
      [{ type: 'bptt-playground:play' }],
    ];
    for (const b of bad) expect(parseInbound(b)).toBeNull();
  });

  it('turns away deep and huge payloads quickly, and never throws on hostile objects', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    // Key counting is linear in the number of keys (measured ~1.4 s for 10⁶ keys), so 10⁵ here.
    const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const t0 = performance.now();
    expect(parseInbound({ type: SET, config: { T: deep } })).toBeNull();
    expect(parseInbound({ type: SET, config: deep })).toBeNull();
    expect(parseInbound({ type: SET, config: many })).toBeNull();
    expect(parseInbound(many)).toBeNull();
    // An unrelated deep field on a valid message is never walked.
    expect(parseInbound({ type: 'bptt-playground:pause', extra: deep })).toEqual({
      type: 'bptt-playground:pause',
    });
    expect(performance.now() - t0).toBeLessThan(1000);

    const getter = Object.defineProperty({}, 'type', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
        get: () => {
          throw new Error('boom');
        },
      },
    );
    const cfgGetter = {
      type: SET,
      config: Object.defineProperty({}, 'T', {
        enumerable: true,
        get: () => {
          throw new Error('boom');
        },
      }),
    };
    for (const h of [getter, proxy, cfgGetter]) expect(() => parseInbound(h)).not.toThrow();
    for (const h of [getter, proxy, cfgGetter]) expect(parseInbound(h)).toBeNull();
  });

  it('fuzz: anything at all gives null or a valid message, never a throw', () => {
    const types = fc.constantFrom(SET, ...SIMPLE, 'bptt-playground:resize', 'other');
    const values = fc.oneof(
      fc.double(),
      fc.string({ maxLength: 20 }),
      fc.constant(null),
      fc.boolean(),
      fc.anything({ maxDepth: 3 }),
    );
    const keys = fc.constantFrom(
      'cell',
      'task',
      'T',
      'H',
      'batch',
      'init',
      'rho',
      'forgetBias',
      'holdForget',
      'opt',
      'lr',
      'clip',
      'tbptt',
      'seed',
      'x',
    );
    const payload = fc.oneof(
      fc.anything({
        maxDepth: 4,
        withBigInt: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withNullPrototype: true,
      }),
      fc.record({ type: types, config: fc.dictionary(keys, values, { maxKeys: 16 }) }),
      fc.record({ type: types, config: fc.anything({ maxDepth: 3 }) }),
    );
    fc.assert(
      fc.property(payload, (data) => {
        const m = parseInbound(data);
        if (m === null) return;
        expect([SET, ...SIMPLE]).toContain(m.type);
        expect((data as { type: unknown }).type).toBe(m.type);
        if (m.type === SET) checkPatch(m.config);
      }),
      { numRuns: 3000 },
    );
  });

  it('fuzz: any numbers for numeric keys are clamped into LIMITS (NaN ignored)', () => {
    const numericKeys = [
      'T',
      'H',
      'batch',
      'rho',
      'forgetBias',
      'holdForget',
      'lr',
      'clip',
      'tbptt',
      'seed',
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...numericKeys), fc.double(), (key, x) => {
        const m = parseInbound({ type: SET, config: { [key]: x } });
        if (Number.isNaN(x)) return void expect(m).toBeNull();
        expect(m?.type).toBe(SET);
        if (m?.type !== SET) return;
        const got = m.config[key] as number;
        const { min, max } = LIMITS[key];
        expect(got).toBeGreaterThanOrEqual(min);
        expect(got).toBeLessThanOrEqual(max);
        if (x >= min && x <= max && !['T', 'H', 'batch', 'tbptt', 'seed'].includes(key))
          expect(got).toBe(x === 0 ? 0 : x);
        expect(m.problems.length).toBe(
          x > max ||
            x < min ||
            (['T', 'H', 'batch', 'tbptt', 'seed'].includes(key) && !Number.isInteger(x))
            ? 1
            : 0,
        );
      }),
      { numRuns: 3000 },
    );
  });
});

function checkPatch(c: Extract<Inbound, { type: 'bptt-playground:set-config' }>['config']): void {
  for (const [k, v] of Object.entries(c)) {
    if (k in LIMITS && v !== null) {
      const { min, max } = LIMITS[k as keyof typeof LIMITS];
      expect(typeof v).toBe('number');
      expect(v as number).toBeGreaterThanOrEqual(min);
      expect(v as number).toBeLessThanOrEqual(max);
    }
  }
}

describe('startInboundListener', () => {
  it('delivers valid messages, only from the given source', () => {
    let listener: ((e: MessageEvent) => void) | undefined;
    const target = {
      addEventListener: vi.fn((_t: string, l: (e: MessageEvent) => void) => void (listener = l)),
      removeEventListener: vi.fn(),
    };
    const parent = {};
    const got: Inbound[] = [];
    const stop = startInboundListener(target as unknown as Window, (m) => got.push(m), parent);
    const send = (data: unknown, source: unknown) => listener?.({ data, source } as MessageEvent);
    send({ type: 'bptt-playground:play' }, parent);
    send({ type: 'bptt-playground:pause' }, {}); // another window
    send({ type: 'nope' }, parent);
    expect(got).toEqual([{ type: 'bptt-playground:play' }]);
    stop();
    expect(target.removeEventListener).toHaveBeenCalledWith('message', listener);
  });
});

describe('startResizeReporter', () => {
  it('posts the height to * at start and whenever it changes, rounded up; stop() unobserves', () => {
    const posted: [unknown, string][] = [];
    const target = { postMessage: (m: unknown, o: string) => void posted.push([m, o]) };
    let height = 400.2;
    let cb: (() => void) | undefined;
    const unobserve = vi.fn();
    const stop = startResizeReporter(
      target,
      () => height,
      (c) => ((cb = c), unobserve),
    );
    expect(posted).toEqual([[{ type: 'bptt-playground:resize', height: 401 }, '*']]);
    cb?.();
    expect(posted).toHaveLength(1); // unchanged height: no message
    height = 650;
    cb?.();
    height = NaN;
    cb?.();
    height = 650;
    cb?.();
    expect(posted.map(([m]) => (m as { height: number }).height)).toEqual([401, 650]);
    stop();
    expect(unobserve).toHaveBeenCalledTimes(1);
  });
});

describe('public/embed-example.html', () => {
  const html = readFileSync(new URL('../../public/embed-example.html', import.meta.url), 'utf8');

  it('embeds two playgrounds by relative links that decode cleanly', () => {
    const srcs = [...html.matchAll(/<iframe[^>]*\ssrc="([^"]+)"/g)].map((m) =>
      (m[1] as string).replace(/&amp;/g, '&'),
    );
    expect(srcs).toHaveLength(2);
    for (const src of srcs) {
      expect(src.startsWith('index.html?')).toBe(true);
      const d = decodeUrl(src.slice(src.indexOf('?')));
      expect(d.problems).toEqual([]);
      expect(d.view.embed).toBe(true);
    }
    expect(srcs[0]).toBe('index.html?embed=1&lesson=vanishing&panels=grad&controls=rho,play');
    expect(decodeUrl(srcs[1]?.slice(10) ?? '').lesson).toBe('lstm-belt');
  });

  it('its buttons send messages the embed accepts', () => {
    // Each set-config button with the config of the iframe it sends to (cell-specific keys must fit).
    const frames = new Map(
      [...html.matchAll(/<iframe[^>]*\sid="([^"]+)"[^>]*\ssrc="([^"]+)"/g)].map((m) => {
        const src = (m[2] as string).replace(/&amp;/g, '&');
        return [m[1] as string, decodeUrl(src.slice(src.indexOf('?'))).config] as const;
      }),
    );
    const buttons = [...html.matchAll(/data-frame="([^"]+)" data-config='([^']+)'/g)].map(
      (m) => [frames.get(m[1] as string), JSON.parse(m[2] as string) as unknown] as const,
    );
    expect(buttons.length).toBeGreaterThan(0);
    for (const [frame, config] of buttons) {
      const m = parseInbound({ type: 'bptt-playground:set-config', config });
      expect(m?.type).toBe('bptt-playground:set-config');
      if (m?.type !== 'bptt-playground:set-config' || frame === undefined)
        throw new Error('a button names no iframe of the page');
      expect(m.problems).toEqual([]);
      expect(fitPatchToCell(frame, m.config).ok).toBe(true);
    }
    const sends = [...html.matchAll(/data-send="([^"]+)"/g)].map((m) => m[1] as string);
    expect(new Set(sends)).toEqual(new Set(['play', 'pause', 'reset']));
    for (const s of sends)
      expect(parseInbound({ type: `bptt-playground:${s}` })).toEqual({
        type: `bptt-playground:${s}`,
      });
    // The resize listener checks the message type; nothing is fetched from elsewhere.
    expect(html).toContain("data.type !== PREFIX + 'resize'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
