import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import {
  createIsolatingParser,
  parseInvalidDocumentTarget,
  sameFileKey,
} from './isolatingParser';

const location = {
  type: 'url',
  target: 'https://github.com/acme/a/blob/main/catalog-info.yaml',
};

async function parse(text: string) {
  const out: CatalogProcessorResult[] = [];
  for await (const r of createIsolatingParser()({
    data: Buffer.from(text),
    location,
  })) {
    out.push(r);
  }
  return out;
}

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec: {}\n`;

describe('the isolating parser', () => {
  it('emits the valid documents and makes a location of each invalid one', async () => {
    const results = await parse(
      [
        component('first'),
        'kind: Component\nspec: {}\n', // no metadata
        '- a\n- list\n', // not a mapping
        component('last'),
      ].join('---\n'),
    );
    expect(results.map(r => r.type)).toEqual([
      'entity',
      'location',
      'location',
      'entity',
    ]);
    const [, second, third] = results as any[];
    // Of the file's own type, which the catalog lets a file's children have.
    expect(second.location.type).toBe('url');
    expect(parseInvalidDocumentTarget(second.location.target)).toEqual({
      file: location.target,
      document: 2,
      reason: expect.stringMatching(/^not a valid entity: .*apiVersion/),
    });
    expect(parseInvalidDocumentTarget(third.location.target)?.reason).toMatch(
      /got a list/,
    );
  });

  it('isolates a document that is not YAML from the ones around it', async () => {
    const results = await parse(
      `${component('before')}---\nkind: [Component\n---\n${component('after')}`,
    );
    const entities = results
      .filter(r => r.type === 'entity')
      .map((r: any) => r.entity.metadata.name);
    expect(entities).toEqual(['before', 'after']);
    const bad = results.find(r => r.type === 'location') as any;
    expect(parseInvalidDocumentTarget(bad.location.target)).toEqual(
      expect.objectContaining({
        document: 2,
        reason: expect.stringMatching(/^not a valid entity: YAML error/),
      }),
    );
  });

  it('skips empty documents, as the catalog does', async () => {
    const results = await parse(
      `---\n# only a comment\n---\n${component('x')}`,
    );
    expect(results.map(r => r.type)).toEqual(['entity']);
  });
});

describe('sameFileKey', () => {
  it('reads GitHub tree and blob URLs of a file as the same file', () => {
    expect(sameFileKey('url:https://github.com/a/b/tree/main/x.yaml')).toBe(
      sameFileKey('url:https://github.com/a/b/blob/main/x.yaml'),
    );
    expect(sameFileKey('file:/srv/a.yaml')).toBe('file:/srv/a.yaml');
  });
});
