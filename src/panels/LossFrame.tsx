import type { ReactNode } from 'react';
import { ChartFrame, type FrameTable } from '../charts/ChartFrame';
import { useFitScale } from '../charts/fit';
import type { Domain } from '../charts/scales';
import { useApp, useBridge } from '../store/hooks';
import { ExportButtons } from './ExportButtons';
import { useStickyDomain } from './useSticky';

const TITLE = 'Loss';

/** Props of {@link LossFrame}. */
export interface LossFrameProps {
  caption: string;
  table: () => FrameTable & { rows: readonly (readonly string[])[] };
  readouts?: ReactNode;
  /** What a screen reader hears: the latest loss per run, the chance level. */
  summary: string;
  /** Whether any iteration has been trained (else the frame asks for Play or Step). */
  trained: boolean;
  /** The loss plot, then the accuracy plot on classification tasks. */
  children: ReactNode;
}

/**
 * The loss panel's body, one run or several: title, export, the "Log y" toggle, the summary and
 * the empty state. The plots (LinePlot for one run, OverlayPlot for a comparison) come as children.
 */
export function LossFrame(props: LossFrameProps) {
  const logY = useApp((s) => s.lossLog);
  const bridge = useBridge();
  return (
    <ChartFrame
      title={TITLE}
      className="panel"
      id="panel-loss"
      caption={props.caption}
      table={props.table}
      actions={
        <>
          <ExportButtons name={TITLE} table={props.table} />
          <button
            type="button"
            className="chart-button"
            aria-pressed={logY}
            onClick={() => bridge.setLossLog(!logY)}
          >
            Log y
          </button>
        </>
      }
      readouts={props.readouts}
    >
      <p className="sr-only" data-summary>
        {props.summary}
      </p>
      {props.trained ? props.children : <p className="chart-empty">Press Play or Step to train.</p>}
    </ChartFrame>
  );
}

/** What both loss panels plot with: log or linear y, its sticky domain, the type scale, the fit. */
export function useLossAxes(
  losses: readonly Float64Array[],
  chance: number,
  generation: string,
): { logY: boolean; yDomain: Domain; fontScale: number; fit: number; yLabel: string } {
  const logY = useApp((s) => s.lossLog);
  const large = useApp((s) => s.view.large);
  // A lesson's key panel shrinks its charts to fit the screen (charts/fit.ts).
  const fit = useFitScale();
  const yDomain = useStickyDomain(
    logY ? 'log' : 'linear',
    [...losses, ...(Number.isFinite(chance) ? [Float64Array.of(chance)] : [])],
    `${generation}-${logY}`,
    true,
  );
  return {
    logY,
    yDomain,
    fontScale: large ? 1.4 : 1,
    fit,
    yLabel: logY ? 'loss (log scale)' : 'loss',
  };
}
