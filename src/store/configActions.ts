/**
 * Config changes and the shape of a comparison, as bridge actions. With one run they work as they
 * always did: live keys keep the weights, the others rebuild. In a comparison, the controls edit the
 * picked run; task, T, batch and seed (runs.ts SHARED_KEYS) apply to every run; and a change that
 * rebuilds any run restarts every run from its seed, so all runs stay at the same iteration on the
 * same batches. Adding, removing or replacing runs builds every run afresh, paused at iteration 0.
 */
import { isRebuild } from '../worker/config';
import type { TrainConfig } from '../worker/config';
import { MAX_RUNS } from '../worker/runsProtocol';
import type { BridgeCore } from './bridgeCore';
import { fitRuns, isShared, mirrorPicked, runConfigs } from './runs';

export function needsRebuild(patch: Partial<TrainConfig>, current: TrainConfig): boolean {
  return isRebuild(current, patch);
}

/** The keys of `next` that differ from `prev`. */
function changes(prev: TrainConfig, next: TrainConfig): Partial<TrainConfig> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof TrainConfig)[])
    if (!Object.is(next[k], prev[k])) out[k] = next[k];
  return out as Partial<TrainConfig>;
}

export function configActions(core: BridgeCore) {
  const { store, send, command } = core;

  /** The configs (run A's first) with the picked run, and the lesson, as given. */
  const reshape = (configs: readonly TrainConfig[], run: number, lesson: string | null) => {
    const s = store.getState();
    store.setState({
      config: configs[0]!,
      compare: configs.slice(1),
      view: { ...s.view, run: Math.max(0, Math.min(run, configs.length - 1)) },
    });
    core.restartAll(lesson);
  };

  return {
    /**
     * Applies a config change to the picked run (shared keys to every run). Live keys keep the
     * weights; anything else rebuilds, and in a comparison restarts every run.
     */
    setConfig(patch: Partial<TrainConfig>, lesson: string | null = null) {
      const s = store.getState();
      const pick = s.view.run;
      const before = runConfigs(s);
      const next = before.map((c, r) => {
        const out: TrainConfig = { ...c };
        for (const [k, v] of Object.entries(patch))
          if (r === pick || isShared(k)) (out as Record<string, unknown>)[k] = v;
        return out;
      });
      // Every allowed config must train at ≥ 1 step/s: a too-large batch is lowered, and said so.
      const fit = fitRuns(next[0]!, next.slice(1));
      const after = [fit.config, ...fit.compare];
      const diffs = after.map((c, r) => changes(before[r]!, c));
      const rebuilt = diffs
        .map((d, r) => (needsRebuild(d, before[r]!) ? r : -1))
        .filter((r) => r >= 0);
      store.setState({
        config: fit.config,
        compare: fit.compare,
        lesson,
        ...(fit.note ? { notice: fit.note } : {}),
      });
      diffs.forEach((d, runId) => {
        if (Object.keys(d).length > 0) send({ type: 'setConfig', runId, patch: d });
      });
      if (rebuilt.length === 0) return;
      if (after.length > 1 && rebuilt.length < after.length) command({ type: 'reset' });
      core.restarted(rebuilt.length < after.length ? after.map((_, r) => r) : rebuilt);
    },
    /** Replaces every run (lessons, loaded links): always built afresh. */
    replaceConfig(
      config: TrainConfig,
      lesson: string | null,
      compare: readonly TrainConfig[] = [],
    ) {
      reshape([config, ...compare], 0, lesson);
    },
    /** A new run copying the picked one's settings (change them with the controls: it is picked). */
    addRun() {
      const s = store.getState();
      const configs = runConfigs(s);
      if (configs.length >= MAX_RUNS) return;
      reshape([...configs, { ...configs[s.view.run]! }], configs.length, null);
    },
    /** Removes run `r` (run B becomes A when A goes); the last run cannot go. */
    removeRun(r: number) {
      const s = store.getState();
      const configs = runConfigs(s);
      if (configs.length <= 1 || r < 0 || r >= configs.length) return;
      const pick = s.view.run;
      reshape(
        configs.filter((_, k) => k !== r),
        pick > r ? pick - 1 : pick === r ? 0 : pick,
        null,
      );
    },
    /** Keeps the picked run alone. */
    stopComparing() {
      const s = store.getState();
      reshape([runConfigs(s)[s.view.run]!], 0, s.lesson);
    },
    /** The run the controls edit and the spectrum, belt and hidden-state panels show. */
    pickRun(r: number) {
      const s = store.getState();
      const n = s.runs.length;
      if (r < 0 || r >= n || r === s.view.run) return;
      const old = s.view.run;
      store.setState({
        view: { ...s.view, run: r },
        ...mirrorPicked(s.runs, r),
        gradcheck: null,
        analysis: null,
      });
      send({ type: 'setView', runId: old, seq: 0, detail: 'light' });
      send({ type: 'setView', runId: r, seq: 0, gate: s.gate, detail: 'full' });
    },
  };
}
