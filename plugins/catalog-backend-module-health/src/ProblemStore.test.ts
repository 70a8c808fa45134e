import { describeSource } from './ProblemStore';

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
