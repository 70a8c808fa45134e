import { configPathsFromArgs, findMissingVariables } from './startupChecks';

describe('findMissingVariables', () => {
  const file = {
    path: 'app-config.production.yaml',
    text: [
      'backend:',
      '  baseUrl: ${PORTAL_BASE_URL:-http://localhost:7007}',
      '  database:',
      '    connection:',
      '      host: ${POSTGRES_HOST}',
      '      port: ${POSTGRES_PORT}',
      '      password: { $env: POSTGRES_PASSWORD }',
      'integrations:',
      '  github:',
      '    - host: github.com',
      '      token: ${GITHUB_TOKEN}',
    ].join('\n'),
  };

  it('names each missing variable with the key that needs it', () => {
    expect(findMissingVariables([file], { POSTGRES_PORT: '5432' })).toEqual([
      {
        variable: 'POSTGRES_HOST',
        key: 'backend.database.connection.host',
        file: 'app-config.production.yaml',
      },
      {
        variable: 'POSTGRES_PASSWORD',
        key: 'backend.database.connection.password',
        file: 'app-config.production.yaml',
      },
      {
        variable: 'GITHUB_TOKEN',
        key: 'integrations.github[0].token',
        file: 'app-config.production.yaml',
      },
    ]);
  });

  it('treats an empty variable as missing, and defaults as optional', () => {
    const env = {
      POSTGRES_HOST: 'db',
      POSTGRES_PORT: '',
      POSTGRES_PASSWORD: 'x',
      GITHUB_TOKEN: 't',
    };
    expect(findMissingVariables([file], env).map(m => m.variable)).toEqual([
      'POSTGRES_PORT',
    ]);
  });
});

describe('configPathsFromArgs', () => {
  it('reads every --config in order', () => {
    expect(
      configPathsFromArgs([
        'node',
        'packages/backend',
        '--config',
        'app-config.yaml',
        '--config=app-config.production.yaml',
      ]),
    ).toEqual(['app-config.yaml', 'app-config.production.yaml']);
  });
});
