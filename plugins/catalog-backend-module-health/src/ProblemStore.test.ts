import { describeSource, sourceLocationOf } from './ProblemStore';

describe('describeSource', () => {
  it('links URL locations to the file', () => {
    expect(
      describeSource(
        'url:https://github.com/acme/x/blob/main/catalog-info.yaml',
      ),
    ).toEqual({
      source: 'https://github.com/acme/x/blob/main/catalog-info.yaml',
      sourceUrl: 'https://github.com/acme/x/blob/main/catalog-info.yaml',
    });
  });

  it("links a GitHub file's blob page, not its tree URL", () => {
    expect(
      describeSource(
        'url:https://github.com/acme/x/tree/main/services/catalog-info.yaml',
      ).sourceUrl,
    ).toBe('https://github.com/acme/x/blob/main/services/catalog-info.yaml');
    expect(
      describeSource('url:https://github.com/acme/x/tree/main/services')
        .sourceUrl,
    ).toBe('https://github.com/acme/x/tree/main/services');
  });

  it("names files on the portal's disk, without a link", () => {
    expect(
      describeSource('file:/srv/portal/catalog/a/catalog-info.yaml'),
    ).toEqual({
      source: '/srv/portal/catalog/a/catalog-info.yaml',
    });
  });

  it('keeps unknown location types as they are', () => {
    expect(describeSource('github-provider:acme')).toEqual({
      source: 'github-provider:acme',
    });
    expect(describeSource(null)).toEqual({});
  });
});

describe('sourceLocationOf', () => {
  it("names a Location's own file, not the glob that found it", () => {
    expect(
      sourceLocationOf(
        {
          kind: 'Location',
          spec: {
            type: 'url',
            target: 'https://github.com/a/b/blob/main/x.yaml',
          },
        },
        'url:https://github.com/a/b/blob/main/**/*.yaml',
      ),
    ).toBe('url:https://github.com/a/b/blob/main/x.yaml');
  });

  it('names the file an entity was written in', () => {
    expect(
      sourceLocationOf(
        {
          kind: 'Component',
          metadata: {
            annotations: {
              'backstage.io/managed-by-location':
                'file:/repo/a/catalog-info.yaml',
            },
          },
        },
        'file:/repo/*/catalog-info.yaml',
      ),
    ).toBe('file:/repo/a/catalog-info.yaml');
    expect(sourceLocationOf(undefined, 'file:/x.yaml')).toBe('file:/x.yaml');
  });
});
