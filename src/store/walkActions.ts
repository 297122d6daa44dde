/** Store writes of the backward walk (walk.ts's reducers); the bridge hands them out. */
import type { AppStore } from './store';
import { moveTo } from './walk';
import type { WalkState } from './walk';

export function walkActions(store: AppStore) {
  const set = (f: (w: WalkState) => WalkState) => store.setState((s) => ({ walk: f(s.walk) }));
  return {
    /** One step back, t → t−1 (the way the gradient flows). */
    stepBack: () => set((w) => moveTo(w, w.step - 1)),
    /** One step forward again, t → t+1. */
    stepForward: () => set((w) => moveTo(w, w.step + 1)),
    /** To step t: T is where the gradient enters, 1 the first step. */
    walkTo: (t: number) => set((w) => moveTo(w, t)),
    /** Autoplay on or off; from step 1 it starts again at T. */
    setWalkPlaying: (on: boolean) =>
      set((w) => {
        if (!on) return { ...w, playing: false };
        const T = w.data?.T ?? 1;
        return { ...w, playing: T > 1, step: w.step <= 1 ? T : w.step };
      }),
    setWalkPace: (pace: number) => set((w) => ({ ...w, pace })),
  };
}
