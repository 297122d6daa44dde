import { memo } from 'react';
import type { ScanMessage } from '../../worker/protocol';
import { complete, fmtC } from './scanText';

const ROW = 58;
const PAD = 28;

/** What the tree and the comparison below it draw: the scan, its level, direction and window. */
export interface ScanWindow {
  d: ScanMessage;
  level: number;
  reverse: boolean;
  from: number;
  count: number;
}

/**
 * The combine tree over a window of steps: level 0 the pairs (a_t, b_t), level ℓ each entry
 * combined with the one 2^(ℓ−1) steps before it (after it, in the reverse scan), drawn up to the
 * level on screen. Complete entries (spanning every step from the start) are drawn solid. Partners
 * outside the window get a short stub toward the side they come from.
 */
export const ScanTree = memo(function ScanTree({ d, level, reverse, from, count }: ScanWindow) {
  const lv = reverse ? d.backward : d.forward;
  const T = d.T;
  const cw = d.complex ? 140 : 80;
  const nodeW = cw - 8;
  const width = PAD + count * cw + 8;
  const height = 18 + (level + 1) * ROW;
  const x = (t: number) => PAD + (t - from) * cw + cw / 2;
  const y = (l: number) => 18 + l * ROW + 4;
  const inWindow = (t: number) => t >= from && t < from + count;
  const val = (arr: Float64Array, im: Float64Array | null, l: number, t: number) =>
    fmtC(arr[l * T + t]!, im === null ? null : im[l * T + t]!);
  const cols = Array.from({ length: count }, (_, k) => from + k);
  const levels = Array.from({ length: level + 1 }, (_, l) => l);
  return (
    <svg
      className="scan-tree"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={`Combine tree, levels 0 to ${level}, steps ${from + 1} to ${from + count} of ${T}`}
    >
      {cols.map((t) => (
        <text key={`t${t}`} x={x(t)} y={12} textAnchor="middle" className="scan-col">
          t={t + 1}
        </text>
      ))}
      {levels.map((l) => (
        <text key={`l${l}`} x={4} y={y(l) + 24} className="scan-lvl">
          ℓ{l}
        </text>
      ))}
      {levels.slice(1).map((l) => {
        const dist = 2 ** (l - 1);
        return cols.map((t) => {
          const p = reverse ? t + dist : t - dist;
          const has = p >= 0 && p < T;
          const y0 = y(l - 1) + 40;
          const y1 = y(l);
          return (
            <g key={`e${l}-${t}`} className={has ? 'scan-edge' : 'scan-edge scan-copy'}>
              <line x1={x(t)} y1={y0} x2={x(t)} y2={y1} />
              {has && inWindow(p) && <line x1={x(p)} y1={y0} x2={x(t)} y2={y1} />}
              {has && !inWindow(p) && (
                <line x1={x(t) + (reverse ? 1 : -1) * (cw * 0.6)} y1={y0 + 6} x2={x(t)} y2={y1} />
              )}
            </g>
          );
        });
      })}
      {levels.map((l) =>
        cols.map((t) => {
          const done = complete(t, T, l, reverse);
          const top = l === level;
          return (
            <g
              key={`n${l}-${t}`}
              className={`scan-node${done ? ' scan-done' : ''}${top ? ' scan-top' : ''}`}
              transform={`translate(${x(t) - nodeW / 2},${y(l)})`}
            >
              <rect width={nodeW} height={40} rx={5} />
              <text x={5} y={16}>
                a {val(lv.a, lv.ai, l, t)}
              </text>
              <text x={5} y={32}>
                b {val(lv.b, lv.bi, l, t)}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
});
