/**
 * How the runs of a comparison are told apart: a colour (Okabe–Ito hues, darker in the light theme
 * and lighter in the dark one so each keeps ≥ 3:1 against its panel: the --run-k tokens in
 * app/styles.css) and a dash pattern, so the runs stay apart in print, in grey and for colour-blind
 * viewers. Run A is solid.
 */
export const RUN_COLORS = ['var(--run-0)', 'var(--run-1)', 'var(--run-2)', 'var(--run-3)'] as const;

/** SVG stroke-dasharray per run, in px at the normal line width. */
export const RUN_DASHES = ['', '9 5', '2 4', '12 4 3 4'] as const;

/** Colour and dash of run `k` (0 = A). */
export function runStyle(k: number): { color: string; dash: string } {
  return { color: RUN_COLORS[k % RUN_COLORS.length]!, dash: RUN_DASHES[k % RUN_DASHES.length]! };
}
