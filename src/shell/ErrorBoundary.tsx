import { Component, type ReactNode } from 'react';

interface Props {
  /** Name shown in the fallback, e.g. "Spectrum". */
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
  key: number;
}

/** Keeps the other panels alive when one throws, and offers to reset it. */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, key: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <section className="panel" role="alert" data-panel-error={this.props.name}>
          <h2>{this.props.name}</h2>
          <p className="notice notice-danger">
            This panel hit an error ({this.state.error.message}). The rest of the page keeps
            working.
          </p>
          <button
            className="btn"
            onClick={() => this.setState((s) => ({ error: null, key: s.key + 1 }))}
          >
            Reset this panel
          </button>
        </section>
      );
    }
    return (
      <div key={this.state.key} style={{ display: 'contents' }}>
        {this.props.children}
      </div>
    );
  }
}
