/**
 * The scan view's words and numbers, kept out of the components: number formats, what a level
 * does, which entries are complete, the lane's name, and why a cell has no scan (from its
 * descriptor: family and scan flag, never its id).
 */
import { cellInfo, cellPage } from '../../engine/cells/catalog';
import { formatSci } from '../../charts/format';
import type { ScanMessage } from '../../worker/protocol';

/** Three significant digits, scientific outside [10⁻³, 10⁴). */
export function fmt(x: number): string {
  const a = Math.abs(x);
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return a >= 1e-3 && a < 1e4 ? x.toPrecision(3) : formatSci(x, 2);
}

/** A complex number as "re ± im i". */
export function fmtC(re: number, im: number | null): string {
  if (im === null) return fmt(re);
  return `${fmt(re)}${im < 0 || Object.is(im, -0) ? '−' : '+'}${fmt(Math.abs(im))}i`;
}

/** Entry t (0-based) is complete at level ℓ: its combination spans every step from the start. */
export function complete(t: number, T: number, level: number, reverse: boolean): boolean {
  const reach = 2 ** level;
  return reverse ? T - t <= reach : t + 1 <= reach;
}

/** The live announcement of a level. */
export function levelText(d: ScanMessage, level: number, reverse: boolean): string {
  const L = d.depth;
  const what = reverse ? 'dL/dh_t' : 'h_t';
  if (level === 0)
    return `Level 0 of ${L}: the ${d.T} pairs (a_t, b_t). a_t is how much of the ${reverse ? 'next step’s gradient' : 'previous state'} step t keeps, b_t what it adds.`;
  const dist = 2 ** (level - 1);
  const n = Math.min(d.T, 2 ** level);
  const side = reverse ? 'after' : 'before';
  const done =
    level === L
      ? `every entry now holds ${what}`
      : `the ${n} ${reverse ? 'last' : 'first'} entries hold ${what}`;
  return `Level ${level} of ${L}: each entry combined with the one ${dist} step${dist === 1 ? '' : 's'} ${side} it; ${done}.`;
}

/** A lane's name: a unit, or (channel, state) when the state is wider than H. */
export function laneName(lane: number, U: number, H: number, complex: boolean): string {
  if (complex) return `complex unit ${lane + 1}`;
  if (U === H || H <= 0 || U % H !== 0) return `unit ${lane + 1}`;
  const N = U / H;
  return `channel ${Math.floor(lane / N) + 1}, state ${(lane % N) + 1}`;
}

/** Why a registered cell has no scan, or null when it has one. */
export function whyNoScan(cell: string): { title: string; text: string } | null {
  const info = cellInfo(cell);
  if (info.scan === true) return null;
  // A cell without a recurrence (its page names none: attention) has nothing to scan.
  if (cellPage(cell).recurrence === null)
    return {
      title: `${info.label}: no recurrence to scan`,
      text:
        'Attention has no state carried from step to step: every position reads every earlier one ' +
        'directly, through its weights α. Its depth through time is already one hop (at O(T²) cost), ' +
        'so there is nothing to combine level by level.',
    };
  return {
    title: `${info.label}: the steps cannot be combined in advance`,
    text:
      `Here the step h_t = f(h_{t−1}, x_t) reads h_{t−1} through a matrix and a squashing function, ` +
      `and its gates see h_{t−1} too: the factor a_t that multiplies the old state needs h_{t−1}, so ` +
      `step t is not known until step t − 1 is done. The T steps run one after another (depth T). ` +
      `The diagonal recurrences (their gates read the input only) are scanned: pick one under Cell.`,
  };
}
