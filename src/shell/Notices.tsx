import { lazy, Suspense, useState } from 'react';
import { cellHas } from '../engine/cells/catalog';
import { useApp, useBridge } from '../store/hooks';
import { findLesson } from '../store/lessons';
import { formatNum } from '../charts/format';
import { LessonChecks } from './LessonChecks';
import { LessonPredict } from './predict/LessonPredict';
import { pickedConfig } from '../store/runs';
import { runLetter } from '../panels/compare/runLabels';

// What a diverged run says and offers loads when a run diverges, not with the page (the first
// JavaScript's budget: tests/e2e/buildSize.e2e.ts).
const DivergedNotice = lazy(() =>
  import('./DivergedNotice').then((m) => ({ default: m.DivergedNotice })),
);

/**
 * Divergence, URL repairs, worker fallback, teaching override and lesson guidance, above the panels.
 * `lesson={false}` leaves the lesson out: the full page shows it in its focus layout's card.
 */
export function Notices({
  compact = false,
  lesson: showLesson = true,
}: {
  compact?: boolean;
  lesson?: boolean;
}) {
  const diverged = useApp((s) => s.diverged);
  const problems = useApp((s) => s.urlProblems);
  const notice = useApp((s) => s.notice);
  // In a comparison these are the picked run's (top-level diverged mirrors it too).
  const hold = useApp((s) => {
    const c = pickedConfig(s);
    return cellHas(c.cell, 'holdForget') ? c.holdForget : null;
  });
  const lessonId = useApp((s) => s.lesson);
  const lr = useApp((s) => pickedConfig(s).lr);
  const runName = useApp((s) => (s.compare.length > 0 ? `Run ${runLetter(s.view.run)} ` : ''));
  const bridge = useBridge();
  const [lessonOpen, setLessonOpen] = useState(true);
  const lesson = lessonId ? findLesson(lessonId) : undefined;

  return (
    <div className="notices">
      <div role="alert" aria-live="assertive">
        {diverged && (
          <Suspense fallback={null}>
            <DivergedNotice diverged={diverged} lr={lr} runName={runName} />
          </Suspense>
        )}
      </div>
      {hold !== null && (
        <p className="notice notice-teach" data-notice="teaching">
          Teaching override on: the LSTM forget gate is held at f ≡ {formatNum(hold)} for every unit
          and step. This is not normal training.
        </p>
      )}
      {problems.length > 0 && (
        <div className="notice notice-warn" role="status" data-notice="url">
          <div>
            <strong>Some link settings were adjusted:</strong>
            <ul>
              {problems.map((p, k) => (
                <li key={k}>{p}</li>
              ))}
            </ul>
          </div>
          <button
            className="btn"
            aria-label="Dismiss link notice"
            onClick={() => bridge.dismissUrlProblems()}
          >
            Dismiss
          </button>
        </div>
      )}
      {notice && (
        <div className="notice notice-warn" role="status" data-notice="worker">
          <p>{notice}</p>
          <button
            className="btn"
            aria-label="Dismiss notice"
            onClick={() => bridge.dismissNotice()}
          >
            Dismiss
          </button>
        </div>
      )}
      {lesson && !compact && showLesson && (
        <div className="notice notice-lesson" role="status" aria-live="polite" data-notice="lesson">
          <div>
            <strong>Lesson: {lesson.title}.</strong> {lessonOpen && lesson.guidance}
            {lessonOpen && <LessonPredict lesson={lesson} />}
            {lessonOpen && <LessonChecks lesson={lesson} />}
          </div>
          <button
            className="btn"
            aria-expanded={lessonOpen}
            onClick={() => setLessonOpen((o) => !o)}
          >
            {lessonOpen ? 'Hide' : 'Show'}
          </button>
        </div>
      )}
    </div>
  );
}
