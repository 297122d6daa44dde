import { memo, useCallback, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import type { FrameTable } from '../../charts/ChartFrame';
import { useApp, useBridge } from '../../store/hooks';
import { pickedConfig } from '../../store/runs';
import { currentScan } from '../../store/scan';
import type { ScanMessage } from '../../worker/protocol';
import { ScanCompare } from './ScanCompare';
import { ScanControls } from './ScanControls';
import { ScanTree } from './ScanTree';
import { fmt, levelText, whyNoScan } from './scanText';
import '../backward/backward.css';
import './scan.css';

const TITLE = 'Parallel scan, one level at a time';
/** Steps drawn at once; longer sequences are shown through a window. */
const WINDOW = 16;

const CAPTION =
  'Each step is h_t = a_t·h_{t−1} + b_t with a_t and b_t computed from the input alone, so two steps ' +
  'compose into one: (a, b) then (a′, b′) is (a′a, a′b + b′), and that combine is associative. ' +
  'Hillis–Steele scan: at level ℓ every entry combines with the one 2^(ℓ−1) steps before it, so ' +
  '⌈log₂ T⌉ levels finish all T states. On parallel hardware a level is one round for every entry ' +
  'at once (depth log T instead of T); on one core the scan does more work than the loop and is ' +
  'slower (docs/bench-scan.txt).';

function table(d: ScanMessage | null, reverse: boolean): FrameTable {
  if (d === null) return { columns: ['t'], rows: [] };
  const lv = reverse ? d.backward : d.forward;
  const columns = ['level', 't', 'Re a', 'Re b', ...(d.complex ? ['Im a', 'Im b'] : [])];
  const rows = [];
  for (let l = 0; l <= d.depth; l++)
    for (let t = 0; t < d.T; t++) {
      const k = l * d.T + t;
      const im = d.complex ? [lv.ai![k]!, lv.bi![k]!] : [];
      rows.push([String(l), String(t + 1), ...[lv.a[k]!, lv.b[k]!, ...im].map(fmt)]);
    }
  return { columns, rows };
}

/** The scan view (view=scan): the combine tree, stepped level by level, for a scannable cell. */
export const ScanPanel = memo(function ScanPanel() {
  const latest = useApp((s) => s.latest);
  const scan = useApp((s) => s.scan);
  const cell = useApp((s) => pickedConfig(s).cell);
  const mode = useApp((s) => s.view.view);
  const bridge = useBridge();
  const d = currentScan(scan, latest);
  const reverse = scan.pass === 'backward';
  const tableFn = useCallback(() => table(d, reverse), [d, reverse]);
  const why = whyNoScan(cell);
  if (mode !== 'scan')
    return (
      <section className="panel panel-hero" aria-label="Parallel scan">
        <h2>Parallel scan, one level at a time</h2>
        <button type="button" className="btn" onClick={() => bridge.setScan(true)}>
          Show the parallel scan of this batch
        </button>
      </section>
    );
  if (why !== null)
    return (
      <section className="panel panel-hero" aria-labelledby="scan-why" id="panel-scan">
        <h2 id="scan-why">{TITLE}</h2>
        <p className="scan-why-title">
          <strong>{why.title}</strong>
        </p>
        <p>{why.text}</p>
      </section>
    );
  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-hero"
      id="panel-scan"
      caption={CAPTION}
      table={tableFn}
      readouts={d && <ScanControls d={d} B={latest?.B ?? 1} H={latest?.H ?? 1} />}
    >
      {d === null ? (
        <p className="walk-waiting" role="status">
          {latest?.running ? 'Pausing training…' : 'Computing the scan of this batch…'}
        </p>
      ) : (
        <ScanBody d={d} level={scan.level} reverse={reverse} />
      )}
    </ChartFrame>
  );
});

function ScanBody({ d, level, reverse }: { d: ScanMessage; level: number; reverse: boolean }) {
  const count = Math.min(WINDOW, d.T);
  const [from, setFrom] = useState(0);
  const start = Math.min(from, d.T - count);
  return (
    <div className="scan-body">
      <p className="walk-sub" role="status" aria-live="polite" data-testid="scan-announce">
        {levelText(d, level, reverse)}
      </p>
      <p className="walk-note">
        {d.T} steps in {d.depth} level{d.depth === 1 ? '' : 's'} (⌈log₂ {d.T}⌉); the loop takes{' '}
        {Math.max(0, d.T - 1)} dependent steps. Work: {workOf(d.T)} combines per lane against{' '}
        {Math.max(0, d.T - 1)}.{reverse ? ' Reverse scan: pairs (a_{t+1}, ∂ℓ_t/∂h_t).' : ''}
        {d.truncate > 0 && reverse ? ` TBPTT K = ${d.truncate}: a cut is a decay of 0.` : ''}
      </p>
      {d.T > count && (
        <label className="walk-step">
          <span>Steps shown from</span>
          <input
            type="range"
            min={0}
            max={d.T - count}
            value={start}
            aria-valuetext={`steps ${start + 1} to ${start + count} of ${d.T}`}
            onChange={(e) => setFrom(Number(e.target.value))}
          />
          <output className="num">
            t = {start + 1}…{start + count} of {d.T}
          </output>
        </label>
      )}
      <div
        className="scan-scroll"
        tabIndex={0}
        role="region"
        aria-label="Combine tree (scrolls sideways)"
      >
        <ScanTree d={d} level={level} reverse={reverse} from={start} count={count} />
      </div>
      <ScanCompare d={d} level={level} reverse={reverse} from={start} count={count} />
    </div>
  );
}

function workOf(T: number): number {
  let w = 0;
  for (let s = 1; s < T; s *= 2) w += T - s;
  return w;
}
