import { ExplainPanel } from '../panels/ExplainPanel';
import { PanelBoundary } from './ErrorBoundary';
import { DEFAULT_CONFIG } from '../worker/config';

export function App() {
  const config = DEFAULT_CONFIG;
  return (
    <div className="app">
      <header className="app-header">
        <h1>BPTT Playground</h1>
      </header>
      <aside className="app-controls" aria-label="Controls" />
      <main className="app-main">
        <PanelBoundary name="Explain">
          <ExplainPanel cell={config.cell} />
        </PanelBoundary>
      </main>
    </div>
  );
}
