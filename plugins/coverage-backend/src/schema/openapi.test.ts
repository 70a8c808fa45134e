import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is openapi.yaml, regenerated (yarn generate in this package)', () => {
    const source = yaml.parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(source);
  });
});
