import { GitHostAuthor } from '@internal/plugin-githost-common';

/** A production repository of the demo organisation that the catalog lacks. */
export interface DemoRepository {
  owner: string;
  name: string;
  description: string;
  files: Record<string, string>;
  author: GitHostAuthor;
}

const readme = (name: string, text: string) => `# ${name}\n\n${text}\n`;

/**
 * The demo organisation's production repositories with no catalog entity
 * (catalog/production-repositories.yaml lists them), as the local git host
 * holds them. Some carry a CODEOWNERS (the owner guess reads it); search-indexer
 * has none and its commits are by team-data engineers, so it gets no guess on
 * the local git host (whose API has no commit history).
 */
export const DEMO_REPOSITORIES: DemoRepository[] = [
  {
    owner: 'acme-pay',
    name: 'refund-service',
    description:
      'Refunds and partial refunds, being split out of payment-processor',
    author: {
      name: 'Tomasz Kowalski',
      email: 'tomasz.kowalski@acme-pay.example',
    },
    files: {
      'README.md': readme(
        'refund-service',
        'Issues full and partial refunds against captured payments.',
      ),
      '.github/CODEOWNERS':
        '# Refunds move money: the payments team reviews everything.\n* @acme-pay/team-payments\n',
    },
  },
  {
    owner: 'acme-pay',
    name: 'merchant-webhooks',
    description:
      'Delivers payment events to merchant webhook endpoints with retries',
    author: { name: 'David Nguyen', email: 'david.nguyen@acme-pay.example' },
    files: {
      'README.md': readme(
        'merchant-webhooks',
        'Signs and delivers payment events to merchant endpoints, with retries and a dead-letter queue.',
      ),
      CODEOWNERS: '*.md @acme-pay/team-web\n* @acme-pay/team-platform\n',
    },
  },
  {
    owner: 'acme-pay',
    name: 'chargeback-service',
    description: 'Tracks card scheme disputes and collects merchant evidence',
    author: { name: 'Mei Lin', email: 'mei.lin@acme-pay.example' },
    files: {
      'README.md': readme(
        'chargeback-service',
        'Receives dispute notifications from the card schemes and tracks each case to its outcome.',
      ),
      '.github/CODEOWNERS': '* @acme-pay/team-risk\n',
    },
  },
  {
    owner: 'acme-pay',
    name: 'search-indexer',
    description: 'Keeps the merchant dashboard search index up to date',
    author: { name: 'Leila Karimi', email: 'leila.karimi@acme-pay.example' },
    files: {
      'README.md': readme(
        'search-indexer',
        'Consumes payment events and updates the OpenSearch index behind the merchant dashboard search.',
      ),
    },
  },
];
