import { Entity } from '@backstage/catalog-model';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

/** The three snippets that give an entity docs, written for this entity. */
export function docsSnippets(entity: Entity) {
  const title = entity.metadata.title ?? entity.metadata.name;
  return {
    mkdocsYml: `site_name: ${title}\nnav:\n  - Overview: index.md\nplugins:\n  - techdocs-core\n`,
    indexMd: `# ${title}\n\nWhat ${entity.metadata.name} does, who owns it, and how to run it.\n`,
    annotation: `metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n`,
  };
}

/**
 * The TechDocs tab of an entity that has no docs: it says so plainly, and shows
 * exactly what to add to the entity's own repository.
 */
export function MissingDocs() {
  const { entity } = useEntity();
  const slug = entity.metadata.annotations?.['github.com/project-slug'];
  const snippets = docsSnippets(entity);
  return (
    <InfoCard title={`${entity.metadata.name} has no docs yet`}>
      <Typography paragraph>
        Docs live in the repository of the code they describe
        {slug ? (
          <>
            {' '}
            (<code>{slug}</code>)
          </>
        ) : null}
        , so they change with it. To add them, create two files next to its{' '}
        <code>catalog-info.yaml</code> and point the catalog at them.
      </Typography>
      <Typography variant="h6">1. mkdocs.yml</Typography>
      <CodeSnippet
        language="yaml"
        text={snippets.mkdocsYml}
        showCopyCodeButton
      />
      <Typography variant="h6">2. docs/index.md</Typography>
      <CodeSnippet
        language="markdown"
        text={snippets.indexMd}
        showCopyCodeButton
      />
      <Typography variant="h6">
        3. In catalog-info.yaml, the annotation that turns them on
      </Typography>
      <CodeSnippet
        language="yaml"
        text={snippets.annotation}
        showCopyCodeButton
      />
      <Typography paragraph>
        Once the change is merged and the catalog has read it, this tab shows
        the docs; the portal builds them the first time someone opens it.
      </Typography>
    </InfoCard>
  );
}
