import { describe, expect, it } from 'vitest';
import { transferables } from '../../src/worker/transfer';
import { createSession } from '../../src/worker/trainer/session';
import type { FromWorker } from '../../src/worker/protocol';
import { small } from './helpers';

/** Every typed array reachable from x, found independently of the code under test. */
function typedArrays(x: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (ArrayBuffer.isView(x)) out.push(x);
  else if (x !== null && typeof x === 'object')
    Object.values(x).forEach((v) => typedArrays(v, out));
  return out;
}

describe('transfer list', () => {
  it('holds each typed array buffer of a message once, nested ones included', () => {
    const a = new Float64Array(3);
    const b = new Uint8Array(2);
    const msg = { a, nested: [{ b }, { again: a }], list: [1, 2, 3], name: 'x', none: null };
    expect(transferables(msg)).toEqual([a.buffer, b.buffer]);
    expect(transferables({ weights: { w: [1, 2] } })).toEqual([]);
  });

  it('the session moves every array of its snapshots and analyses, and nothing it keeps', () => {
    const posted: { msg: FromWorker; transfer: ArrayBuffer[] }[] = [];
    const session = createSession({ post: (msg, transfer) => posted.push({ msg, transfer }) });
    session.handle({ v: 1, type: 'init', config: small({ cell: 'lstm' }) });
    session.handle({ v: 1, type: 'analyze', kind: 'belt' });
    session.handle({ v: 1, type: 'analyze', kind: 'jacobian' });
    session.dispose();
    const kinds = posted.map((p) => p.msg.type);
    expect(kinds).toEqual(['snapshot', 'analysis', 'analysis']);
    const workspace = new Set(typedArrays(session.trainer!.trace).map((a) => a.buffer));
    for (const { msg, transfer } of posted) {
      const arrays = typedArrays(msg);
      // An LSTM snapshot: 6 history arrays, 7 trace arrays, its inputs, re and im of 4 gate spectra.
      if (msg.type === 'snapshot') expect(arrays.length).toBe(6 + 7 + 1 + 2 * 4);
      expect(new Set(transfer)).toEqual(new Set(arrays.map((a) => a.buffer)));
      expect(transfer.length).toBe(arrays.length);
      expect(transfer.some((buf) => workspace.has(buf))).toBe(false);
    }
  });
});
