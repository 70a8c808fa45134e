import { AnalyticsEventInput } from '@internal/plugin-space-metrics-common';
import { SpaceAnalytics } from './SpaceAnalytics';

const context = { pluginId: 'catalog', extensionId: 'page:catalog' };

describe('SpaceAnalytics', () => {
  it('sends only the events the dashboard counts, in batches', async () => {
    const sent: AnalyticsEventInput[][] = [];
    const analytics = new SpaceAnalytics(
      { sendEvents: async e => void sent.push(e) },
      { batchSize: 2, flushMs: 60_000 },
    );
    analytics.captureEvent({ action: 'click', subject: 'button', context });
    analytics.captureEvent({
      action: 'navigate',
      subject: '/catalog',
      context,
    });
    expect(sent).toEqual([]);
    analytics.captureEvent({
      action: 'search',
      subject: 'kafka',
      value: 0,
      context: { ...context, entityRef: undefined },
    });
    await analytics.flush();
    expect(sent).toEqual([
      [
        {
          action: 'navigate',
          subject: '/catalog',
          value: undefined,
          context: { ...context, entityRef: undefined },
        },
        {
          action: 'search',
          subject: 'kafka',
          value: 0,
          context: { ...context, entityRef: undefined },
        },
      ],
    ]);
  });

  it('keeps events it could not send (before sign-in) for the next batch', async () => {
    let signedIn = false;
    const sent: AnalyticsEventInput[][] = [];
    const analytics = new SpaceAnalytics(
      {
        sendEvents: async e => {
          if (!signedIn) throw new Error('401');
          sent.push(e);
        },
      },
      { flushMs: 60_000 },
    );
    analytics.captureEvent({ action: 'navigate', subject: '/', context });
    await analytics.flush();
    expect(sent).toEqual([]);
    signedIn = true;
    analytics.captureEvent({
      action: 'create',
      subject: 'Task has been created',
      context: { ...context, entityRef: 'template:default/go-service' },
    });
    await analytics.flush();
    expect(sent.flat().map(e => e.action)).toEqual(['navigate', 'create']);
    expect(sent.flat()[1].context?.entityRef).toBe(
      'template:default/go-service',
    );
  });

  it('sends what is buffered at once when the page is left, with keepalive', async () => {
    const target = new EventTarget();
    const calls: [number, object | undefined][] = [];
    const analytics = new SpaceAnalytics(
      {
        sendEvents: async (events, options) =>
          void calls.push([events.length, options]),
      },
      { flushMs: 60_000, target: target as unknown as Window },
    );
    analytics.captureEvent({ action: 'navigate', subject: '/docs', context });
    expect(calls).toEqual([]);
    target.dispatchEvent(new Event('pagehide'));
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(calls).toEqual([[1, { keepalive: true }]]);
  });
});
