import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { CoverageExportTable } from '@internal/plugin-coverage-common';
import { coverageApiRef } from '../../api';
import { RequestError } from '../shared/RequestError';
import { MissingRepositoryList } from '../shared/MissingRepositoryList';
import { statusOf } from '../shared/format';
import { download } from './download';
import { EmptyCoverage } from './EmptyCoverage';
import { OrganisationHeadline } from './OrganisationHeadline';
import { ScopeTable } from './ScopeTable';
import { SourcesWarning } from './SourcesWarning';
import { TrendChart } from './TrendChart';

const what = "the organisation's coverage report";
const permission = 'coverage.report.read';

/**
 * The platform team's page: the organisation's coverage against the
 * threshold, teams ranked by gap, systems, the 90-day trend, and the
 * production repositories missing from the catalog with the action that adds
 * them. Tables export as CSV.
 */
export function CoverageDashboardPage() {
  const api = useApi(coverageApiRef);
  const [reload, setReload] = useState(0);
  const report = useAsync(() => api.getReport(), [api, reload]);
  const trend = useAsync(() => api.getTrend({ days: 90 }), [api, reload]);
  const missing = useAsync(() => api.getMissing(), [api, reload]);
  const [exportError, setExportError] = useState<Error>();

  if (report.loading) return <Progress />;
  if (report.error) {
    return (
      <Content>
        {statusOf(report.error) === 404 ? (
          <EmptyCoverage onTaken={() => setReload(n => n + 1)} />
        ) : (
          <RequestError
            error={report.error}
            what={what}
            permission={permission}
          />
        )}
      </Content>
    );
  }
  const r = report.value!;
  const exportTable = async (table: CoverageExportTable) => {
    setExportError(undefined);
    try {
      download(`coverage-${table}-${r.day}.csv`, await api.exportCsv(table));
    } catch (e) {
      setExportError(e as Error);
    }
  };

  return (
    <Content>
      <ContentHeader
        title={`Snapshot of ${r.day}`}
        description={`taken ${new Date(r.takenAt).toLocaleString()}`}
      >
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={() => exportTable('scopes')}
          style={{ marginRight: 12 }}
        >
          Export teams and systems (CSV)
        </Button>
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={() => exportTable('missing')}
        >
          Export missing repositories (CSV)
        </Button>
      </ContentHeader>
      {exportError && (
        <RequestError error={exportError} what="the export" permission={permission} />
      )}
      <SourcesWarning report={r} />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <OrganisationHeadline
            report={r}
            changes={trend.value?.changeSinceLastWeek}
          />
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Teams ranked by gap">
            <Typography variant="body2" color="textSecondary" paragraph>
              Gap: production services missing from the catalog plus failed
              checks of the team's production entities (roll-up through the
              group hierarchy).
            </Typography>
            <ScopeTable
              scopes={r.teams}
              label="Teams ranked by gap"
              scopeTitle="Team"
              threshold={r.threshold}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title={`Trend over ${trend.value?.days ?? 90} days`}>
            {trend.loading && <Progress />}
            {trend.error && (
              <RequestError error={trend.error} what="the trend" permission={permission} />
            )}
            {trend.value && (
              <TrendChart trend={trend.value} threshold={r.threshold} />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Production repositories missing from the catalog">
            {missing.loading && <Progress />}
            {missing.error && (
              <RequestError
                error={missing.error}
                what="the missing repositories"
                permission={permission}
              />
            )}
            {missing.value && (
              <MissingRepositoryList
                items={missing.value.items}
                label="Missing repositories"
                sources={r.sources}
              />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Systems">
            <ScopeTable
              scopes={r.systems}
              label="Systems ranked by gap"
              scopeTitle="System"
              threshold={r.threshold}
            />
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
