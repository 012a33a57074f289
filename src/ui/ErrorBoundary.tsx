import { Component, type ReactNode } from 'react';

/**
 * Keeps one failing part from blanking the page: it shows a numbered message in place of
 * the part and a way to try again. The scenario lives in its store (and the autosave), so
 * nothing the person edited is lost.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string; resetKey?: string }, { error: Error | null; key?: string }> {
  state: { error: Error | null; key?: string } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: Error | null; key?: string }) {
    // Another view or result: try again.
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner error" role="alert">
        E121 {this.props.what} could not be shown ({this.state.error.message}). Your scenario is unchanged.{' '}
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
