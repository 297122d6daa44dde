import { describe, expect, it } from 'vitest';
import { createTrainingClient } from '../../src/worker/client';
import type { FromWorker } from '../../src/worker/protocol';
import { small } from './helpers';

const until = (pred: () => boolean, ms = 10000) =>
  new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = () =>
      pred()
        ? resolve()
        : Date.now() - t0 > ms
          ? reject(new Error('timed out'))
          : setTimeout(poll, 5);
    poll();
  });

describe('training client', () => {
  it('falls back to in-thread training when Worker is unavailable (Node), says so, and trains', async () => {
    expect(typeof Worker).toBe('undefined');
    const client = createTrainingClient();
    const got: FromWorker[] = [];
    client.subscribe((m) => got.push(m));
    // Sent before `ready`: must not be lost.
    client.send({ v: 1, type: 'init', config: small() });
    client.send({ v: 1, type: 'step', n: 4 });
    await until(() => got.some((m) => m.type === 'snapshot' && m.iteration === 4));
    expect(client.mode).toBe('inline');
    const err = got.findIndex((m) => m.type === 'error');
    const ready = got.findIndex((m) => m.type === 'ready');
    expect(err).toBeGreaterThanOrEqual(0);
    expect(ready).toBeGreaterThan(err);
    const r = got[ready];
    expect(r?.type === 'ready' && r.mode).toBe('inline');
    client.terminate();
  });

  it('forceInline skips the worker without an error, and a late subscriber still learns the mode', async () => {
    const client = createTrainingClient({ forceInline: true });
    const got: FromWorker[] = [];
    client.subscribe((m) => got.push(m));
    client.send({ v: 1, type: 'init', config: small({ cell: 'gru' }) });
    client.send({ v: 1, type: 'play' });
    await until(() => got.some((m) => m.type === 'snapshot' && m.iteration >= 10));
    client.send({ v: 1, type: 'pause' });
    expect(got.some((m) => m.type === 'error')).toBe(false);
    const late: FromWorker[] = [];
    client.subscribe((m) => late.push(m));
    await until(() => late.some((m) => m.type === 'ready'));
    client.terminate();
    const n = got.length;
    client.send({ v: 1, type: 'step' });
    await new Promise((r) => setTimeout(r, 50));
    expect(got.length).toBe(n);
  });

  it('falls back when the worker errors before ready, replaying what was sent', async () => {
    let fake: { onerror: ((e: unknown) => void) | null } | null = null;
    const client = createTrainingClient({
      createWorker: () => {
        const w = {
          onmessage: null,
          onerror: null,
          onmessageerror: null,
          postMessage() {},
          terminate() {},
        };
        fake = w;
        return w as unknown as Worker;
      },
    });
    const got: FromWorker[] = [];
    client.subscribe((m) => got.push(m));
    client.send({ v: 1, type: 'init', config: small({ H: 6 }) });
    expect(client.mode).toBe('worker');
    fake!.onerror!({ message: 'module failed', preventDefault() {} });
    await until(() => got.some((m) => m.type === 'snapshot'));
    expect(client.mode).toBe('inline');
    const s = got.find((m) => m.type === 'snapshot');
    expect(s?.type === 'snapshot' && s.H).toBe(6);
    expect(got.some((m) => m.type === 'error' && m.message.includes('module failed'))).toBe(true);
    client.terminate();
  });
});
