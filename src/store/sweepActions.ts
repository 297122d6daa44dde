/**
 * The sequence-length sweep as bridge actions: start one for every run (each run's worker computes
 * its points, worker/sweep.ts), fold the points into the store as they arrive, cancel.
 */
import type { SweepDoneMessage, SweepPointMessage } from '../worker/protocol';
import { SWEEP_GRID } from '../worker/runsProtocol';
import { addSweepPoint, sweepRunDone } from './sweepState';
import type { AppStore } from './store';
import type { Unversioned } from './bridgeCore';
import { runConfigs } from './runs';

export function sweepActions(store: AppStore, send: (msg: Unversioned) => void) {
  let lastId = 0;
  return {
    /**
     * Starts a sweep of every run's settings over `grid`, from each run's initialization or its
     * current weights, training `budget` iterations per point for the loss (0 = ratio only). A sweep
     * still running is cancelled first.
     */
    startSweep(opts: { from: 'init' | 'current'; budget: number; grid?: readonly number[] }) {
      const s = store.getState();
      if (s.sweep.status === 'running') send({ type: 'cancelSweep', id: s.sweep.id });
      const configs = runConfigs(s);
      const grid = opts.grid ?? SWEEP_GRID;
      const id = ++lastId;
      store.setState({
        sweep: {
          id,
          status: 'running',
          from: opts.from,
          budget: opts.budget,
          grid,
          configs,
          points: configs.map(() => []),
          left: configs.length,
        },
      });
      configs.forEach((_, runId) =>
        send({ type: 'sweep', runId, id, Ts: [...grid], from: opts.from, budget: opts.budget }),
      );
    },
    cancelSweep() {
      const s = store.getState();
      if (s.sweep.status !== 'running') return;
      send({ type: 'cancelSweep', id: s.sweep.id });
      store.setState({ sweep: { ...s.sweep, status: 'cancelled', left: 0 } });
    },
    /** A point or the end of one run's sweep. */
    receive(msg: SweepPointMessage | SweepDoneMessage) {
      const s = store.getState().sweep;
      store.setState({
        sweep:
          msg.type === 'sweepPoint'
            ? addSweepPoint(s, msg)
            : sweepRunDone(s, msg.id, msg.cancelled),
      });
    },
  };
}
