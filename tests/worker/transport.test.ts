import { describe, expect, it } from 'vitest';
import { afterCommand, afterStep } from '../../src/worker/transport';
import type { Transport, TransportCommand } from '../../src/worker/transport';

const idle: Transport = { kind: 'idle' };
const paused: Transport = { kind: 'paused' };
const running: Transport = { kind: 'running' };
const stepping3: Transport = { kind: 'stepping', left: 3 };

describe('transport machine', () => {
  it('follows the documented table for every state and command', () => {
    const cmds: [string, TransportCommand][] = [
      ['init', { type: 'init' }],
      ['play', { type: 'play' }],
      ['pause', { type: 'pause' }],
      ['reset', { type: 'reset' }],
      ['step 2', { type: 'step', n: 2 }],
      ['step', { type: 'step' }],
    ];
    // Rows: state; columns: the commands above. Written out, not derived from the code under test.
    const table: [Transport, Transport[]][] = [
      [
        idle,
        [
          paused,
          running,
          paused,
          paused,
          { kind: 'stepping', left: 2 },
          { kind: 'stepping', left: 1 },
        ],
      ],
      [
        paused,
        [
          paused,
          running,
          paused,
          paused,
          { kind: 'stepping', left: 2 },
          { kind: 'stepping', left: 1 },
        ],
      ],
      // Reset while running starts the run again and keeps it running; Step while running is ignored.
      [running, [paused, running, paused, running, running, running]],
      // Steps accumulate; a reset drops the steps still owed to the old run.
      [
        stepping3,
        [
          paused,
          running,
          paused,
          paused,
          { kind: 'stepping', left: 5 },
          { kind: 'stepping', left: 4 },
        ],
      ],
    ];
    for (const [state, row] of table)
      row.forEach((want, k) => {
        const [name, cmd] = cmds[k]!;
        expect(afterCommand(state, cmd), `${state.kind} + ${name}`).toEqual(want);
      });
  });

  it('counts steps down to paused and leaves other states alone', () => {
    expect(afterStep(stepping3)).toEqual({ kind: 'stepping', left: 2 });
    expect(afterStep({ kind: 'stepping', left: 1 })).toEqual(paused);
    expect(afterStep(running)).toEqual(running);
    expect(afterStep(paused)).toEqual(paused);
  });
});
