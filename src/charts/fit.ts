/**
 * How a chart fits the screen it is on. The lesson focus layout (shell/FocusLayout.tsx) shrinks
 * its key panels' charts until the panel is whole on the first screen, and folds their captions
 * behind "About this chart" (the lesson card says what to look at). Everywhere else the default
 * holds: full height, caption shown.
 */
import { createContext, useContext } from 'react';

export interface ChartFit {
  /** Factor on a chart's height (1 = its designed height). */
  scale: number;
  /** Captions fold behind a disclosure. */
  compact: boolean;
}

export const ChartFitContext = createContext<ChartFit>({ scale: 1, compact: false });

/** The factor on charts' heights here: multiply a designed height by it (and round). */
export function useFitScale(): number {
  return useContext(ChartFitContext).scale;
}

/** True where captions fold (the focus layout's key panels). */
export function useCompactCaption(): boolean {
  return useContext(ChartFitContext).compact;
}
