import { useEffect, useId, useRef, useState } from 'react';
import { useApp, useBridge } from '../../store/hooks';
import {
  COURSE,
  COURSE_ORDER,
  courseNeighbour,
  coursePlace,
  openLesson,
} from '../../store/lessons/course';
import { findLesson } from '../../store/lessons';
import { usePredictRecord } from './hooks';
import type { PredictEntry } from '../../store/predictRecord';
import './predict.css';

/** ✎ predicted, ✓ observed: drawn marks with their words for screen readers and tooltips. */
function Marks({ entry }: { entry: PredictEntry | undefined }) {
  const predicted = typeof entry?.choice === 'number';
  const observed = entry?.observed === true;
  return (
    <span className="course-marks">
      <span className={predicted ? 'course-mark on' : 'course-mark'} title="predicted" aria-hidden>
        ✎
      </span>
      <span className={observed ? 'course-mark on' : 'course-mark'} title="observed" aria-hidden>
        ✓
      </span>
      <span className="sr-only">
        {predicted ? 'predicted' : 'not predicted'}, {observed ? 'observed' : 'not observed'}
      </span>
    </span>
  );
}

/**
 * The course through the story: Previous and Next lesson, and a list of every lesson by chapter
 * with a mark for each one predicted and each one observed (read from this browser's storage).
 */
export function CourseNav() {
  const lesson = useApp((s) => s.lesson);
  const bridge = useBridge();
  const record = usePredictRecord();
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const place = coursePlace(lesson);
  const prev = courseNeighbour(lesson, -1);
  const next = courseNeighbour(lesson, 1);
  const go = (id2: string) => {
    const l = findLesson(id2);
    if (l) openLesson(bridge, l);
    setOpen(false);
  };
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <nav className="course-nav" aria-label="Course" ref={ref}>
      <button
        className="btn"
        disabled={prev === null}
        onClick={() => prev && openLesson(bridge, prev)}
        title={prev ? `Previous lesson: ${prev.title}` : 'This is the first lesson'}
        aria-label={prev ? `Previous lesson: ${prev.title}` : 'Previous lesson'}
      >
        ‹ Prev
      </button>
      <button
        className="btn"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-course-place={place ? place.index + 1 : undefined}
      >
        Course{' '}
        <span className="num">{place ? `${place.index + 1}/${COURSE_ORDER.length}` : ''}</span>
      </button>
      <button
        className="btn"
        disabled={next === null}
        onClick={() => next && openLesson(bridge, next)}
        title={next ? `Next lesson: ${next.title}` : 'This is the last lesson'}
        aria-label={next ? `Next lesson: ${next.title}` : 'Next lesson'}
      >
        Next ›
      </button>
      {open && (
        <div className="course-list" id={id}>
          {COURSE.map((c) => (
            <section key={c.title} aria-label={c.title}>
              <p className="course-chapter">{c.title}</p>
              <ol>
                {c.lessons.map((lid) => {
                  const l = findLesson(lid);
                  if (!l) return null;
                  const here = lid === lesson;
                  return (
                    <li key={lid}>
                      <button
                        className="course-item"
                        aria-current={here ? 'page' : undefined}
                        onClick={() => go(lid)}
                        data-course-lesson={lid}
                      >
                        <span>{l.title}</span>
                        <Marks entry={record[lid]} />
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          <p className="course-legend">
            <span aria-hidden>✎</span> predicted · <span aria-hidden>✓</span> observed — kept in
            this browser only.
          </p>
        </div>
      )}
    </nav>
  );
}
