import { describe, expect, it, vi } from 'vitest';
import { fitPatchToCell, readInbound, startInboundListener } from '../../src/embed/messages';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';

const SET = 'bptt-playground:set-config';
const rnn = DEFAULT_CONFIG; // tanh RNN, PyTorch init
const lstm: TrainConfig = { ...DEFAULT_CONFIG, cell: 'lstm', forgetBias: 2 };

// A set-config value the cell cannot use rejects the message whole, like an unreadable value.
describe('fitPatchToCell', () => {
  it('a key of a control the resulting cell lacks rejects the message, with the reason', () => {
    expect(fitPatchToCell(rnn, { forgetBias: 2 })).toEqual({
      ok: false,
      why: 'forgetBias=2: the tanh RNN has no forget-gate bias (LSTM only)',
    });
    expect(fitPatchToCell(lstm, { cell: 'gru', holdForget: 0.9, T: 20 })).toEqual({
      ok: false,
      why: 'holdForget=0.9: the GRU has no forget gate to hold (LSTM only)',
    });
    // The cell the message switches to is the one that counts.
    expect(fitPatchToCell(rnn, { cell: 'lstm', forgetBias: 2 })).toEqual({
      ok: true,
      patch: { cell: 'lstm', forgetBias: 2 },
    });
    // What the config already holds loses nothing (a host echoing a whole config back).
    expect(fitPatchToCell(rnn, { forgetBias: 0, holdForget: null, T: 20 })).toEqual({
      ok: true,
      patch: { forgetBias: 0, holdForget: null, T: 20 },
    });
  });

  it('an init the cell does not offer rejects the message', () => {
    expect(fitPatchToCell(rnn, { init: 'identity' })).toEqual({
      ok: false,
      why: 'init=identity is not offered for the tanh RNN (ReLU RNN only)',
    });
    expect(fitPatchToCell(rnn, { cell: 'relu', init: 'identity' })).toEqual({
      ok: true,
      patch: { cell: 'relu', init: 'identity' },
    });
    expect(fitPatchToCell({ ...rnn, cell: 'relu', init: 'identity' }, { cell: 'gru' })).toEqual({
      ok: true,
      // As the Cell menu does: the new cell's default init in place of one it does not offer.
      patch: { cell: 'gru', init: 'pytorch' },
    });
  });
});

describe('messages the embed ignores are named', () => {
  it('readInbound says why; messages not addressed to the embed are not ours (null)', () => {
    expect(readInbound({ type: SET, config: { T: 'abc' } })).toMatchObject({
      ok: false,
      type: SET,
    });
    expect(readInbound({ type: SET, config: { nope: 1 } })).toMatchObject({ ok: false });
    expect(readInbound({ type: SET, config: [] })).toEqual({
      ok: false,
      type: SET,
      why: 'config is not an object',
    });
    const r = readInbound({ type: SET, config: { T: 'abc' } });
    expect(r?.ok === false && r.why).toMatch(/T=abc is not a number/);
    expect(readInbound({ type: 'other:play' })).toBeNull();
    expect(readInbound('bptt-playground:play')).toBeNull();
  });

  it('the listener reports what it ignores from the host, and nothing from other windows', () => {
    let listener: ((e: MessageEvent) => void) | undefined;
    const target = {
      addEventListener: vi.fn((_t: string, l: (e: MessageEvent) => void) => void (listener = l)),
      removeEventListener: vi.fn(),
    };
    const parent = {};
    const ignored: string[] = [];
    const got: unknown[] = [];
    startInboundListener(
      target as unknown as Window,
      (m) => got.push(m),
      parent,
      (type, why) => ignored.push(`${type}: ${why}`),
    );
    const send = (data: unknown, source: unknown) => listener?.({ data, source } as MessageEvent);
    send({ type: SET, config: { cell: 'tanh' } }, parent);
    send({ type: SET, config: { cell: 'tanh' } }, {});
    send({ type: 'bptt-playground:PLAY' }, parent);
    send({ type: 'nope' }, parent);
    expect(got).toEqual([]);
    expect(ignored).toHaveLength(2);
    expect(ignored[0]).toMatch(/^bptt-playground:set-config: cell=tanh is not one of/);
    expect(ignored[1]).toMatch(/^bptt-playground:PLAY: /);
  });
});
