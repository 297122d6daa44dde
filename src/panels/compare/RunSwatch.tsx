import type { RunView } from './useRuns';

/** A short sample of a run's line: its colour and dash pattern, as in the charts' legends. */
export function RunSwatch({ run }: { run: Pick<RunView, 'color' | 'dash'> }) {
  return (
    <svg className="run-swatch" width="26" height="10" aria-hidden="true">
      <line
        x1="1"
        x2="25"
        y1="5"
        y2="5"
        className="chart-line"
        style={{ stroke: run.color }}
        strokeDasharray={run.dash || undefined}
      />
    </svg>
  );
}
