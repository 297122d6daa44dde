// First: starts the training worker before the rest of the bundle is evaluated (see early.ts).
import '../worker/early';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import '../charts/charts.css';
import './compare.css';
import { App } from './App';
import { decodeUrl } from '../store/url';
import { createAppStore } from '../store/store';
import { createBridge } from '../store/bridge';
import { StoreContext } from '../store/hooks';
import { startUrlSync } from '../store/urlSync';
import { createRunPool } from '../worker/pool';

// A broken link never breaks the page: decodeUrl repairs what it can and lists what it changed.
const decoded = decodeUrl(window.location.search);
const store = createAppStore({
  config: decoded.config,
  compare: decoded.compare,
  view: decoded.view,
  lesson: decoded.lesson,
  urlProblems: decoded.problems,
});
// One worker per compared run while a core is left for the page (worker/pool.ts).
const client = createRunPool({ cores: navigator.hardwareConcurrency ?? null });
const bridge = createBridge(store, client);
bridge.start(decoded.view.autoplay === true);
// In a reveal.js deck (any iframe: a deck may show the whole page too), the slide drives the run.
// Its own chunk, fetched only inside a frame; with autoplay=slide it asks the deck for the slide
// once it listens, so nothing said before it loaded is lost.
if (window.parent !== window)
  void import('../embed/slides').then(({ startSlideListener }) =>
    startSlideListener(
      window,
      { play: bridge.play, pause: bridge.pause, status: () => store.getState().status },
      decoded.view.autoplay === 'slide',
      window.parent,
      (question) => window.parent.postMessage(question, '*'),
    ),
  );
startUrlSync(() => {
  const s = store.getState();
  return { config: s.config, compare: s.compare, view: s.view, lesson: s.lesson };
}, store.subscribe);

// The embed's shell is its own chunk: the full page never fetches it, an iframe never fetches App's
// dialogs (the first load's budget: tests/e2e/buildSize.e2e.ts).
const EmbedApp = lazy(() => import('../embed/EmbedApp').then((m) => ({ default: m.EmbedApp })));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={{ store, bridge }}>
      {decoded.view.embed ? (
        <Suspense fallback={null}>
          <EmbedApp />
        </Suspense>
      ) : (
        <App />
      )}
    </StoreContext.Provider>
  </StrictMode>,
);
