/**
 * A part of the app fetched on demand (the staff console, the pages after the first) that could not be fetched: offline on a first
 * visit to it, its chunk is not on the device. Instead of a blank page, say so, with a retry.
 */
import { Component, type ReactNode } from "react";
import { T } from "../i18n/T";

/** `messageKey` says what could not be fetched; without it (a part the page can do without) nothing is shown. */
export class ChunkBoundary extends Component<{ messageKey?: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (!this.props.messageKey) return null;
    return (
      <section className="notice" role="alert">
        <h1 tabIndex={-1}>
          <T k="app.chunkFailed.heading" />
        </h1>
        <p>
          <T k={this.props.messageKey} />
        </p>
        <button type="button" className="button primary" onClick={() => location.reload()}>
          <T k="app.chunkFailed.retry" />
        </button>
      </section>
    );
  }
}
