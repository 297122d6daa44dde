/**
 * The lesson's question loads in its own chunk with the questions' texts and measures
 * (store/predictTracker.ts): only a page with a lesson open needs them, and the page's first
 * JavaScript stays within its budget (tests/e2e/buildSize.e2e.ts).
 */
import { lazy, Suspense } from 'react';
import { useApp } from '../../store/hooks';
import type { Lesson } from '../../store/lessons';

const LessonPredict = lazy(() =>
  import('./LessonPredict').then((m) => ({ default: m.LessonPredict })),
);

/**
 * Shown until the question is here (nothing when predict=0). Like an open question it keeps the
 * card's claims hidden (predict.css), so they never give the answer away.
 */
export function PredictLoading() {
  const show = useApp((s) => s.view.predict);
  if (!show) return null;
  return (
    <div className="predict" data-predict="loading" data-open="true" aria-busy="true">
      <p className="predict-prompt">Loading the question…</p>
    </div>
  );
}

export function LazyLessonPredict({ lesson }: { lesson: Lesson }) {
  return (
    <Suspense fallback={<PredictLoading />}>
      <LessonPredict lesson={lesson} />
    </Suspense>
  );
}
