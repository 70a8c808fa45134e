import { ConfigReader } from '@backstage/config';
import { assertNoGuestInProduction } from './productionGuard';

describe('assertNoGuestInProduction', () => {
  const guest = { providers: { guest: {} } };

  it('lets the embedded default keep guest sign-in', () => {
    expect(() =>
      assertNoGuestInProduction(
        new ConfigReader({ auth: { environment: 'development', ...guest } }),
        'development',
      ),
    ).not.toThrow();
  });

  it('refuses guest sign-in in a production configuration, naming the key', () => {
    expect(() =>
      assertNoGuestInProduction(
        new ConfigReader({ auth: { environment: 'production', ...guest } }),
        'development',
      ),
    ).toThrow(/auth\.providers\.guest.*auth\.environment: production/);
  });

  it('refuses it under NODE_ENV=production whatever auth.environment says', () => {
    expect(() =>
      assertNoGuestInProduction(
        new ConfigReader({ auth: guest }),
        'production',
      ),
    ).toThrow(/NODE_ENV=production/);
  });

  it('accepts production without guest sign-in', () => {
    expect(() =>
      assertNoGuestInProduction(
        new ConfigReader({
          auth: { environment: 'production', providers: { github: {} } },
        }),
        'production',
      ),
    ).not.toThrow();
  });
});
