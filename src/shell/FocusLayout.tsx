import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ChartFitContext } from '../charts/fit';
import { useApp } from '../store/hooks';
import { findLesson, type Lesson } from '../store/lessons';
import { lessonFocus, splitGuidance, type FocusPanel } from '../store/lessons/focus';
import type { ViewMode } from '../store/urlFields';
import { LessonChecks } from './LessonChecks';
import { LessonPredict } from './predict/LessonPredict';
import { Panel, panelOrder } from './Panels';
import { useFitCharts } from './useFitCharts';
import './classroom.css';

/** Wide enough for the card beside the key panels (below it they stack: card, panels, checks). */
const WIDE = '(min-width: 1000px)';

function useMedia(query: string): boolean {
  const [match, setMatch] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setMatch(m.matches);
    on();
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return match;
}

/** The lesson's key panels that this mode shows (the hero if none is: a backward lesson trained). */
export function keyPanels(lesson: Lesson, mode: ViewMode): readonly FocusPanel[] {
  const order = panelOrder(mode);
  const keys = lessonFocus(lesson.id).filter((p) => order.includes(p));
  return keys.length > 0 ? keys : ['grad'];
}

/**
 * A lesson on one screen: a short card (the title, the guidance's first sentence, the question, the
 * expectations marked live, the rest behind "More") beside the panel or two that carry the
 * lesson's point, whose charts shrink until they are whole on the first screen; every other panel
 * follows below. On a narrow screen the first sentence comes first, the key panel right under it,
 * then the expectations.
 */
export function FocusLayout(props: {
  lesson: Lesson;
  mode: ViewMode;
  /** The prediction question (issue 23, item 2): shown right after the first sentence. */
  question?: ReactNode;
}) {
  const { lesson, mode } = props;
  const keys = keyPanels(lesson, mode);
  const rest = panelOrder(mode).filter((p) => !keys.includes(p));
  const { first, rest: more } = splitGuidance(lesson.guidance);
  // "More" is open for one lesson: the next one starts with its text folded again.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === lesson.id;
  const id = useId();
  const wide = useMedia(WIDE);
  const ref = useRef<HTMLDivElement>(null);
  const scale = useFitCharts(ref, wide);

  return (
    <>
      <section className="focus" aria-labelledby={`${id}-title`} data-focus={lesson.id}>
        <div className="focus-lead">
          <h2 id={`${id}-title`}>Lesson: {lesson.title}</h2>
          <p className="focus-first">{first}</p>
          {/* The prediction question sits here, right after the guidance (~110 px budgeted). */}
          {props.question && <div className="focus-question">{props.question}</div>}
        </div>
        <div
          className="focus-keys"
          ref={ref}
          data-focus-keys={keys.join(' ')}
          data-fit-scale={scale.toFixed(2)}
        >
          <ChartFitContext.Provider value={{ scale, compact: true }}>
            {keys.map((p) => (
              <Panel key={p} id={p} />
            ))}
          </ChartFitContext.Provider>
        </div>
        <div className="focus-checks">
          <LessonChecks lesson={lesson} />
        </div>
        <div className="focus-more">
          <button
            type="button"
            className="btn"
            aria-expanded={open}
            aria-controls={`${id}-more`}
            aria-label={`${open ? 'Less' : 'More'} of the lesson’s text`}
            onClick={() => setOpenFor(open ? null : lesson.id)}
          >
            {open ? 'Less' : 'More'}
          </button>
          <p id={`${id}-more`} className="focus-rest" hidden={!open}>
            {more}
          </p>
        </div>
      </section>
      {rest.map((p) => (
        <Panel key={p} id={p} />
      ))}
    </>
  );
}

/** The page's panels: a lesson's focus layout when a lesson is open, else every panel in order. */
export function PagePanels({ mode }: { mode: ViewMode }) {
  const id = useApp((s) => s.lesson);
  const lesson = id ? findLesson(id) : undefined;
  if (lesson)
    return <FocusLayout lesson={lesson} mode={mode} question={<LessonPredict lesson={lesson} />} />;
  return panelOrder(mode).map((p) => <Panel key={p} id={p} />);
}
