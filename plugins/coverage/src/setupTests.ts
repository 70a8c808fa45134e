import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// These tests share two cores with the rest of the suite (backend tests on
// PostgreSQL, docs builds, Go builds): a page that renders in 100 ms alone can
// take seconds then. Wait up to 15 s for what a test expects (Testing Library's
// default is 1 s) and let a test run 30 s. Same assertions, more patience.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. The
// charts then render at zero size in tests, which is enough to test the rest.
class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= ResizeObserver;
