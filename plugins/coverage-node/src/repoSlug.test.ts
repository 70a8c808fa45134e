import { repoSlugFromUrl, repoSlugsInText, splitRepoSlug } from './repoSlug';

describe('repoSlugFromUrl', () => {
  it.each([
    ['https://github.com/acme-pay/payments.git', 'acme-pay/payments'],
    ['https://github.com/Acme-Pay/Payments', 'Acme-Pay/Payments'],
    ['git@github.com:acme-pay/payments.git', 'acme-pay/payments'],
    ['ssh://git@github.com/acme-pay/payments', 'acme-pay/payments'],
    [
      'https://github.com/acme-pay/payments/tree/main/deploy',
      'acme-pay/payments',
    ],
  ])('reads %s as %s', (url, slug) => {
    expect(repoSlugFromUrl(url)).toBe(slug);
  });

  it.each([
    'https://charts.bitnami.com/bitnami',
    'https://gitlab.com/acme-pay/payments.git',
    'https://github.com/acme-pay',
    'not a url',
  ])('gives no slug for %s', url => {
    expect(repoSlugFromUrl(url)).toBeUndefined();
  });

  it('accepts the hosts it is given', () => {
    expect(
      repoSlugFromUrl('https://ghe.acme.example/pay/ledger.git', [
        'ghe.acme.example',
      ]),
    ).toBe('pay/ledger');
  });
});

describe('repoSlugsInText', () => {
  it('finds the GitHub repositories a description names', () => {
    expect(
      repoSlugsInText(
        'Ledger API (https://github.com/acme-pay/ledger). Runbook: https://wiki.acme.example/ledger, code https://github.com/Acme-Pay/Ledger.',
      ),
    ).toEqual(['acme-pay/ledger']);
  });
});

describe('splitRepoSlug', () => {
  it('splits owner/repo and refuses anything else', () => {
    expect(splitRepoSlug('acme/payments')).toEqual({
      owner: 'acme',
      repo: 'payments',
    });
    for (const bad of ['acme', 'acme/', '/payments', 'acme/payments/extra']) {
      expect(() => splitRepoSlug(bad)).toThrow(
        `"${bad}" is not a repository slug (owner/repo)`,
      );
    }
  });
});
