import { useEffect, useId } from 'react';
import { useApp } from '../../store/hooks';
import type { Lesson } from '../../store/lessons';
import { updateEntry } from '../../store/predictRecord';
import { useDecided, usePredictEntry, useQuestions } from './hooks';
import { PredictLoading } from './PredictLoading';
import './predict.css';

/**
 * Predict, observe, explain: the lesson's question before Play (a radiogroup named "Predict …"),
 * then, once the run has decided it, "Your prediction" beside "Measured" and the explanation.
 * Skipping is allowed; `predict=0` hides it all. The choice is stored in this browser only.
 */
export function LessonPredict({ lesson }: { lesson: Lesson }) {
  const show = useApp((s) => s.view.predict);
  const questions = useQuestions();
  const p = questions?.predictionFor(lesson.id);
  const entry = usePredictEntry(lesson.id);
  const decided = useDecided();
  const iteration = useApp((s) => s.runs[0]?.latest?.iteration ?? 0);
  const id = useId();
  const mine = decided !== null && decided.lesson === lesson.id ? decided : null;
  const answered = entry.choice !== undefined;
  // A question the run settles at iteration 0 waits for an answer (or Play) before it shows it.
  const revealed = mine !== null && (answered || iteration > 0);
  useEffect(() => {
    if (revealed && show && entry.observed !== true) updateEntry(lesson.id, { observed: true });
  }, [revealed, show, entry.observed, lesson.id]);
  // The questions load on demand (store/predictTracker.ts).
  if (questions === null) return <PredictLoading />;
  if (!show || p === undefined) return null;

  if (revealed) {
    const m = mine.measured;
    const choice = entry.choice ?? null;
    const right = choice === m.option;
    return (
      <div className="predict predict-revealed" data-predict="revealed" data-correct={right}>
        <p className="predict-prompt">{p.prompt}</p>
        <div className="predict-pair">
          <p data-predict="yours">
            <span className="predict-label">Your prediction:</span>{' '}
            {choice === null ? (
              <em>none{answered ? ' (skipped)' : ''}</em>
            ) : (
              <strong>{p.options[choice]}</strong>
            )}
            {choice !== null && (
              <span className={right ? 'predict-mark ok' : 'predict-mark miss'}>
                {right ? ' ✔ matches the run' : ' ✘ the run shows otherwise'}
              </span>
            )}
          </p>
          <p data-predict="measured">
            <span className="predict-label">Measured:</span> <strong>{p.options[m.option]}</strong>{' '}
            <small className="check-detail">({m.detail})</small>
          </p>
        </div>
        <p className="predict-explain" data-predict="explain">
          <span className="predict-label">Why:</span> {p.explain}
        </p>
        {iteration === 0 && (
          // Decided at iteration 0 (nothing to play): the question can be asked afresh. Elsewhere
          // Reset asks it again, with this choice preselected.
          <button
            className="btn predict-again"
            onClick={() => updateEntry(lesson.id, { choice: undefined })}
          >
            Ask again
          </button>
        )}
      </div>
    );
  }

  const started = iteration > 0;
  if (entry.choice === null)
    return (
      <div className="predict" data-predict="skipped">
        <p className="predict-prompt">
          {p.prompt} <small>Skipped: the answer appears once the run has decided it.</small>
        </p>
        {!started && (
          <button className="btn" onClick={() => updateEntry(lesson.id, { choice: undefined })}>
            Predict after all
          </button>
        )}
      </div>
    );
  const name = `predict-${lesson.id}`;
  return (
    // While the question is open the card's claims (what you should see) would give it away:
    // predict.css hides them until a choice, a skip or Play.
    <div className="predict" data-predict="ask" data-open={!started && !answered}>
      <div role="radiogroup" aria-labelledby={`${id}-q`} className="predict-options">
        <p id={`${id}-q`} className="predict-prompt">
          <span className="predict-label">Predict:</span> {p.prompt}
        </p>
        {p.options.map((o, k) => (
          <label key={k} className="predict-option">
            <input
              type="radio"
              name={name}
              value={k}
              checked={entry.choice === k}
              disabled={started}
              onChange={() => updateEntry(lesson.id, { choice: k })}
            />
            <span>{o}</span>
          </label>
        ))}
      </div>
      <p className="predict-status">
        {started
          ? answered
            ? 'Locked in: the run will answer it.'
            : 'The run has started: press Reset to predict before it.'
          : answered
            ? 'Now press Play: the run will answer it.'
            : 'Choose one (or skip), then press Play; what you should see appears after.'}
        {!started && !answered && (
          <>
            {' '}
            <button
              className="btn btn-small"
              onClick={() => updateEntry(lesson.id, { choice: null })}
            >
              Skip
            </button>
          </>
        )}
      </p>
    </div>
  );
}
