import { useApp, useBridge } from '../../store/hooks';
import { BackwardPanel } from './BackwardPanel';
import { TermsPanel } from './TermsPanel';

/**
 * The backward pass and its per-step terms (loaded in their own chunk: shell/lazyPanels.tsx);
 * outside backward mode, a button to turn it on.
 */
export function BackwardPanels() {
  const mode = useApp((s) => s.view.view);
  const bridge = useBridge();
  if (mode !== 'backward')
    return (
      <section className="panel panel-hero" aria-label="Backward pass">
        <h2>Backward pass, one step at a time</h2>
        <button type="button" className="btn" onClick={() => bridge.setBackward(true)}>
          Show the backward pass of this batch
        </button>
      </section>
    );
  return (
    <>
      <BackwardPanel />
      <TermsPanel />
    </>
  );
}
