/**
 * reveal.js as a host. A deck posts the bare string 'slide:start' to every iframe of the slide it
 * shows and 'slide:stop' to every iframe of the slide it leaves, with target origin '*'
 * (reveal.js 6, js/controllers/slidecontent.js: startEmbeddedIframe, stopEmbeddedContent).
 *
 * With `autoplay=slide` the embed trains only while its slide is shown: 'slide:start' plays,
 * 'slide:stop' pauses, and the next 'slide:start' resumes. Without it a deck still must not leave
 * demos training behind the slides, so 'slide:stop' pauses a running embed; 'slide:start' does not
 * start one the link did not ask to start.
 *
 * Only the parent window speaks for the deck: any window may post to an iframe, and reveal.js
 * posts from the deck itself. The messages carry no data, so their origin does not matter.
 */
import type { Status } from '../store/store';

export const SLIDE_START = 'slide:start';
export const SLIDE_STOP = 'slide:stop';

/** The store commands a slide change drives. */
export interface SlideCommands {
  play(): void;
  pause(): void;
  status(): Status;
}

/** What a reveal.js message asks of the embed, or null when it asks nothing. */
export function slideAction(
  data: unknown,
  waitForSlide: boolean,
  status: Status,
): 'play' | 'pause' | null {
  if (data === SLIDE_STOP) return status === 'running' || status === 'starting' ? 'pause' : null;
  // A diverged run waits for Reset, as the Play button does.
  if (data === SLIDE_START && waitForSlide && status !== 'running' && status !== 'diverged')
    return 'play';
  return null;
}

/**
 * reveal.js's postMessage API (its `postMessage` option, on by default) runs a deck method a message
 * names; `startEmbeddedContent` posts 'slide:start' to the iframes of the slide the deck shows.
 */
export const ASK_FOR_START = JSON.stringify({ method: 'startEmbeddedContent' });

/**
 * Listens on `target` for reveal.js's messages from `from` (the deck). Returns stop().
 *
 * A deck opened on the embed's own slide (a reload keeps the slide in the address) posts its
 * 'slide:start' before the iframe has loaded, and the message is lost. So, with `autoplay=slide`,
 * the embed asks once, as it starts listening (`ask`, to the deck), for the announcement again:
 * only the slide the deck shows answers, so an embed on another slide keeps waiting. A host that
 * is not a reveal.js deck ignores the question.
 */
export function startSlideListener(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  commands: SlideCommands,
  waitForSlide: boolean,
  from: unknown,
  ask?: (message: string) => void,
): () => void {
  const listener = (event: MessageEvent): void => {
    if (event.source !== from) return;
    const action = slideAction(event.data, waitForSlide, commands.status());
    if (action === 'play') commands.play();
    else if (action === 'pause') commands.pause();
  };
  target.addEventListener('message', listener);
  if (waitForSlide) ask?.(ASK_FOR_START);
  return () => target.removeEventListener('message', listener);
}
