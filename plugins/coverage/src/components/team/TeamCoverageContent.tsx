import useAsync from 'react-use/esm/useAsync';
import { Content, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { EntityCompleteness } from '@internal/plugin-coverage-common';
import { coverageApiRef } from '../../api';
import { RequestError } from '../shared/RequestError';
import { MeasureTiles } from '../shared/MeasureTiles';
import { MissingRepositoryList } from '../shared/MissingRepositoryList';
import { CheckList } from '../shared/checks';

function EntitiesTable(props: { entities: EntityCompleteness[] }) {
  const rows = [...props.entities].sort(
    (a, b) =>
      b.checks.filter(c => !c.ok).length - a.checks.filter(c => !c.ok).length,
  );
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The team owns no services in the catalog.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Services and their gaps">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>Production</TableCell>
          <TableCell>What is missing</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(e => {
          const failed = e.checks.filter(c => !c.ok);
          return (
            <TableRow key={e.entityRef} style={{ verticalAlign: 'top' }}>
              <TableCell>
                <EntityRefLink entityRef={e.entityRef} title={e.title} />
              </TableCell>
              <TableCell>{e.production ? 'yes' : 'no'}</TableCell>
              <TableCell>
                {failed.length === 0 ? (
                  <Typography variant="body2">nothing</Typography>
                ) : (
                  <CheckList
                    checks={failed}
                    label={`What ${e.title ?? e.entityRef} is missing`}
                  />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/**
 * A team's view on its Group page: its measures, its services with what each
 * is missing, and its production repositories missing from the catalog.
 */
export function TeamCoverageContent() {
  const { entity } = useEntity();
  const api = useApi(coverageApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const view = useAsync(
    () => api.getTeam({ namespace, name }),
    [api, namespace, name],
  );
  if (view.loading) return <Progress />;
  if (view.error) {
    return (
      <Content>
        <RequestError error={view.error} what="this team's coverage" />
      </Content>
    );
  }
  const v = view.value!;
  const profile = entity.spec?.profile as { displayName?: string } | undefined;
  const title =
    v.team?.title ?? profile?.displayName ?? entity.metadata.title ?? name;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title={`${title}: catalog coverage`}>
          {v.team ? (
            <>
              <Typography variant="body2" paragraph>
                Gap: <strong data-testid="team-gap">{v.team.gap}</strong>{' '}
                (production services missing from the catalog plus failed
                checks of the team's production entities).
              </Typography>
              <MeasureTiles measures={v.team.measures} testIdPrefix="team" />
            </>
          ) : (
            <Alert severity="info">
              No coverage snapshot yet: the team's figures appear after the
              first daily snapshot. What each service is missing is shown
              below already.
            </Alert>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Services and their gaps">
          <EntitiesTable entities={v.entities} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Production repositories missing from the catalog">
          <MissingRepositoryList
            items={v.missing}
            label="Team's missing repositories"
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
