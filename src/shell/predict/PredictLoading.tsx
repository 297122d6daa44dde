import { useApp } from '../../store/hooks';

/**
 * Shown until the lesson's question is here (nothing when predict=0). Like an open question it
 * keeps the card's claims hidden (predict.css), so they never give the answer away.
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
