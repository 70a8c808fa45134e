import {
  AnalyticsEvent,
  AnalyticsImplementation,
} from '@backstage/frontend-plugin-api';
import { AnalyticsEventInput } from '@internal/plugin-space-metrics-common';

/** Sends events to the portal's backend (POST /api/space-metrics/events). */
export interface EventSink {
  sendEvents(
    events: AnalyticsEventInput[],
    options?: { keepalive?: boolean },
  ): Promise<void>;
}

/** Only these actions count on the dashboard; the rest never leave the browser. */
const COUNTED = new Set(['navigate', 'search', 'create']);
const MAX_BUFFER = 500;

/**
 * The portal's own analytics: events that count for the adoption dashboard
 * are buffered and sent in batches to the portal's backend. Nothing goes to a
 * third party. Events captured before sign-in (the backend refuses them) stay
 * in the buffer and go with the next batch after sign-in. When the page is
 * hidden or left, what is buffered goes at once, with `keepalive` so the
 * request outlives the page (Backstage reports a page view when the next
 * event comes, or when the page unloads).
 */
export class SpaceAnalytics implements AnalyticsImplementation {
  private buffer: AnalyticsEventInput[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private sending = false;

  constructor(
    private readonly sink: EventSink,
    private readonly options: {
      flushMs?: number;
      batchSize?: number;
      /** Where to listen for the page being hidden or left; the browser's window by default. */
      target?: Pick<Window, 'addEventListener'>;
    } = {},
  ) {
    const target =
      options.target ?? (typeof window === 'undefined' ? undefined : window);
    target?.addEventListener('pagehide', () => void this.flush(true));
    target?.addEventListener('visibilitychange', () => {
      if (
        typeof document !== 'undefined' &&
        document.visibilityState === 'hidden'
      ) {
        void this.flush(true);
      }
    });
  }

  captureEvent(event: AnalyticsEvent): void {
    if (!COUNTED.has(event.action)) return;
    const entityRef = event.context.entityRef;
    this.buffer.push({
      action: event.action,
      subject: String(event.subject).slice(0, 2048),
      value: event.value,
      context: {
        pluginId: event.context.pluginId,
        extensionId: event.context.extensionId,
        entityRef: typeof entityRef === 'string' ? entityRef : undefined,
      },
    });
    // A tab left open for days must not grow without bound.
    if (this.buffer.length > MAX_BUFFER)
      this.buffer.splice(0, this.buffer.length - MAX_BUFFER);
    if (this.buffer.length >= (this.options.batchSize ?? 20)) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(
        () => void this.flush(),
        this.options.flushMs ?? 5000,
      );
    }
  }

  /** Sends what is buffered; on failure keeps it for the next try. */
  async flush(leaving = false): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Leaving the page cannot wait for a request already on its way.
    if ((this.sending && !leaving) || this.buffer.length === 0) return;
    this.sending = true;
    const batch = this.buffer.splice(0, 100);
    try {
      await this.sink.sendEvents(batch, leaving ? { keepalive: true } : {});
    } catch {
      this.buffer.unshift(...batch);
      this.timer = setTimeout(
        () => void this.flush(),
        (this.options.flushMs ?? 5000) * 2,
      );
    } finally {
      this.sending = false;
    }
    if (this.buffer.length > 0 && !this.timer) void this.flush();
  }
}
