import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { MissingDocs, docsSnippets } from './MissingDocs';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'kyc-service',
    title: 'KYC Service',
    annotations: { 'github.com/project-slug': 'acme-pay/kyc-service' },
  },
  spec: { type: 'service', owner: 'team-risk', lifecycle: 'production' },
};

describe('MissingDocs', () => {
  it('says the entity has no docs and shows the files to add to its repository', async () => {
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <MissingDocs />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('kyc-service has no docs yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('acme-pay/kyc-service')).toBeInTheDocument();
    expect(screen.getByText('1. mkdocs.yml')).toBeInTheDocument();
    expect(screen.getByText('2. docs/index.md')).toBeInTheDocument();
    // Code snippets load their highlighter lazily and split text into tokens:
    // wait for them, and read their whole text.
    await waitFor(() =>
      expect(document.body).toHaveTextContent('site_name: KYC Service'),
    );
    expect(document.body).toHaveTextContent('backstage.io/techdocs-ref: dir:.');
  });

  it('writes snippets that name the entity', () => {
    const s = docsSnippets(entity);
    expect(s.mkdocsYml).toBe(
      'site_name: KYC Service\nnav:\n  - Overview: index.md\nplugins:\n  - techdocs-core\n',
    );
    expect(s.indexMd).toMatch(/^# KYC Service\n\nWhat kyc-service does/);
  });
});
