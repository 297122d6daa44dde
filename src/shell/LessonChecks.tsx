import { useApp } from '../store/hooks';
import type { Lesson } from '../store/lessons';
import type { ExpectStatus, Verdict } from '../store/lessons/expect';

const MARK: Record<ExpectStatus, string> = { holds: '✔', fails: '✘', pending: '…' };
const SAY: Record<ExpectStatus, string> = {
  holds: 'holds',
  fails: 'does not hold',
  pending: 'not decided yet',
};
const PENDING: Verdict = { status: 'pending' };

/**
 * What the lesson says you should see, each claim marked live from this run: ✔ holds, ✘ does not,
 * … not decided yet, with the measured figure behind the mark.
 */
export function LessonChecks({ lesson }: { lesson: Lesson }) {
  const state = useApp((s) => s.expect);
  const verdicts = state !== null && state.lesson === lesson.id ? state.verdicts : {};
  return (
    <div className="lesson-checks">
      <p className="lesson-checks-title">
        What you should see <small>(checked on this run as it trains)</small>
      </p>
      <ul>
        {lesson.expect.map((e) => {
          const v = verdicts[e.id] ?? PENDING;
          return (
            <li
              key={e.id}
              data-expectation={e.id}
              data-status={v.status}
              className={`check check-${v.status}`}
            >
              <span className="check-mark" aria-hidden="true">
                {MARK[v.status]}
              </span>
              <span>
                <span className="sr-only">{SAY[v.status]}: </span>
                {e.text}
                {v.detail && <small className="check-detail"> Measured: {v.detail}.</small>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
