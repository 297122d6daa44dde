// First: starts the training worker before the rest of the bundle is evaluated (see early.ts).
import '../worker/early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import '../charts/charts.css';
import './compare.css';
import { App } from './App';
import { EmbedApp } from '../embed/EmbedApp';
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
bridge.start(decoded.view.autoplay);
startUrlSync(() => {
  const s = store.getState();
  return { config: s.config, compare: s.compare, view: s.view, lesson: s.lesson };
}, store.subscribe);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={{ store, bridge }}>
      {decoded.view.embed ? <EmbedApp /> : <App />}
    </StoreContext.Provider>
  </StrictMode>,
);
