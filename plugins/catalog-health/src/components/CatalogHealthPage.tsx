import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { CatalogHealthProblem } from '@internal/plugin-catalog-health-common';
import { catalogHealthApiRef } from '../api';

const columns: TableColumn<CatalogHealthProblem>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    render: p => (
      <>
        <Typography variant="body2">
          {p.document ? `Document ${p.document} of the file` : p.entityRef}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {p.inCatalog
            ? 'an older version is still in the catalog'
            : 'not in the catalog'}
        </Typography>
      </>
    ),
  },
  {
    title: 'File',
    field: 'source',
    render: p =>
      p.sourceUrl ? <Link to={p.sourceUrl}>{p.source}</Link> : p.source,
  },
  {
    title: 'What is wrong',
    field: 'errors',
    render: p => (
      <>
        {p.errors.map((e, i) => (
          <Typography key={i} variant="body2" data-testid="problem-reason">
            {e.message}
          </Typography>
        ))}
      </>
    ),
  },
  {
    title: 'Last read',
    field: 'lastDiscoveredAt',
    render: p =>
      p.lastDiscoveredAt ? new Date(p.lastDiscoveredAt).toLocaleString() : '',
  },
];

/** Every catalog file that failed to ingest, with the file and the reason. */
export function CatalogHealthPage() {
  const api = useApi(catalogHealthApiRef);
  const { value, loading, error } = useAsync(() => api.getReport(), [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const problems = value?.problems ?? [];

  return (
    <Content>
      {problems.length === 0 ? (
        <EmptyState
          missing="info"
          title="Every catalog file ingests cleanly"
          description={`The catalog knows ${
            value?.totalEntities ?? 0
          } entities and none of them failed processing.`}
        />
      ) : (
        <Table<CatalogHealthProblem>
          title={`${problems.length} of ${value?.totalEntities} entities failed processing`}
          subtitle="Fix the file in its repository; the catalog reads it again on its next refresh."
          options={{ paging: problems.length > 20, pageSize: 20, search: true }}
          columns={columns}
          data={problems}
        />
      )}
    </Content>
  );
}
