import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { coverageApiRef } from '../../api';
import { RequestError } from '../shared/RequestError';
import { CheckList } from '../shared/checks';

/**
 * On an entity's page: what the entity is missing, as a checklist, each
 * missing item with how to fix it; and whether it counts as a production
 * service.
 */
export function EntityCompletenessCard() {
  const { entity } = useEntity();
  const api = useApi(coverageApiRef);
  const ref = getCompoundEntityRef(entity);
  const result = useAsync(
    () =>
      api.getEntityCompleteness({
        kind: ref.kind.toLocaleLowerCase('en-US'),
        namespace: ref.namespace,
        name: ref.name,
      }),
    [api, ref.kind, ref.namespace, ref.name],
  );

  let content;
  if (result.loading) content = <Progress />;
  else if (result.error)
    content = (
      <RequestError error={result.error} what="this entity's completeness" />
    );
  else {
    const c = result.value!;
    const failed = c.checks.filter(check => !check.ok).length;
    content = (
      <>
        <Typography variant="body2" paragraph data-testid="production-status">
          {c.production
            ? 'Counted as a production service: it is in the coverage figures.'
            : 'Not counted as a production service: no source of production services (GitHub, Argo CD, PagerDuty) reports it, so it is not in the coverage figures.'}
        </Typography>
        {failed === 0 ? (
          <Alert severity="success" style={{ marginBottom: 8 }}>
            Complete: nothing is missing.
          </Alert>
        ) : (
          <Typography
            variant="subtitle2"
            component="p"
            gutterBottom
            data-testid="missing-count"
          >
            {failed} of {c.checks.length} missing
          </Typography>
        )}
        <CheckList checks={c.checks} label="Completeness checklist" />
        {failed > 0 && c.editUrl && (
          <Typography variant="body2">
            <Link to={c.editUrl}>Edit this entity's catalog-info.yaml</Link>
          </Typography>
        )}
      </>
    );
  }
  return (
    <section aria-label="Catalog completeness">
      <InfoCard title="Catalog completeness">{content}</InfoCard>
    </section>
  );
}
