/** The runs of a comparison as panels need them: configs, names and training state, in run order. */
import { useMemo } from 'react';
import { useApp } from '../../store/hooks';
import { EMPTY_RUN, type RunTraining } from '../../store/runs';
import type { TrainConfig } from '../../worker/config';
import { runStyle } from '../../charts/runStyles';
import { runNames } from './runLabels';

export interface RunView {
  index: number;
  name: string;
  config: TrainConfig;
  training: RunTraining;
  color: string;
  dash: string;
}

export function useRuns(): RunView[] {
  const config = useApp((s) => s.config);
  const compare = useApp((s) => s.compare);
  const runs = useApp((s) => s.runs);
  return useMemo(() => {
    const configs = [config, ...compare];
    const names = runNames(configs);
    return configs.map((c, k) => ({
      index: k,
      name: names[k]!,
      config: c,
      training: runs[k] ?? EMPTY_RUN,
      ...runStyle(k),
    }));
  }, [config, compare, runs]);
}
