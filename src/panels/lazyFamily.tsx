/**
 * What only the newer families draw loads in its own chunks, the first time a family's snapshot
 * is shown: the spectrum panel's λ plane, decay histograms and α matrix, attention's arcs, the
 * families' references on the gradient panel, their belt texts and their Memory controls. The page's first JavaScript stays within its budget
 * (tests/e2e/buildSize.e2e.ts); meanwhile a panel says it is loading.
 */
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import type { AttentionArcsProps } from '../charts/AttentionArcs';
import type { Snapshot } from '../worker/protocol';
import { LoadingPanel } from './LoadingPanel';

const FamilySpectrum = lazy(() =>
  import('./familyUi').then((m) => ({ default: m.FamilySpectrumPanel })),
);
const Arcs = lazy(() => import('./familyUi').then((m) => ({ default: m.AttentionArcs })));

export function LazyFamilySpectrum({ s }: { s: Snapshot }) {
  return (
    <Suspense fallback={<LoadingPanel title="Spectrum" className="panel" aria-label="Spectrum" />}>
      <FamilySpectrum s={s} />
    </Suspense>
  );
}

export function LazyAttentionArcs(props: AttentionArcsProps) {
  return (
    <Suspense fallback={<p className="chart-empty">Loading…</p>}>
      <Arcs {...props} />
    </Suspense>
  );
}

type FamilyUi = typeof import('./familyUi');
let familyUi: FamilyUi | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import('./familyUi').then(
    (m) => {
      familyUi = m;
      listeners.forEach((f) => f());
    },
    () => {
      // A chunk that failed to load (the network went away) is tried again on the next render.
      loading = null;
    },
  );
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

/**
 * The families' gradient references and belt texts once their chunk is here (null before; asks
 * for it when `needed`).
 */
export function useFamilyUi(needed: boolean): FamilyUi | null {
  const m = useSyncExternalStore(
    subscribe,
    () => familyUi,
    () => familyUi,
  );
  useEffect(() => {
    if (needed && familyUi === null) load();
  });
  return m;
}
