/** Store writes of the scan view (scan.ts's reducers); the bridge hands them out. */
import type { AppStore } from './store';
import { toLevel } from './scan';
import type { ScanState } from './scan';

export function scanActions(store: AppStore) {
  const set = (f: (w: ScanState) => ScanState) => store.setState((s) => ({ scan: f(s.scan) }));
  return {
    /** One level up the combine tree (distance doubles). */
    nextLevel: () => set((w) => toLevel(w, w.level + 1)),
    previousLevel: () => set((w) => toLevel(w, w.level - 1)),
    scanTo: (l: number) => set((w) => toLevel(w, l)),
    /** Autoplay on or off; from the last level it starts again at 0. */
    setScanPlaying: (on: boolean) =>
      set((w) => {
        const depth = w.data?.depth ?? 0;
        if (!on || depth === 0) return { ...w, playing: false };
        return { ...w, playing: true, level: w.level >= depth ? 0 : w.level };
      }),
    setScanPace: (pace: number) => set((w) => ({ ...w, pace })),
    setScanPass: (pass: ScanState['pass']) => set((w) => ({ ...w, pass })),
  };
}
