import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { CoverageReport } from '@internal/plugin-coverage-common';
import { sourceTitle } from '../shared/format';

/**
 * Sources that could not be read for this snapshot. Their services are left
 * out of the figures, so a lower number is not a drop in coverage.
 */
export function SourcesWarning(props: { report: CoverageReport }) {
  const { missingSources, sources, day } = props.report;
  if (missingSources.length === 0) return null;
  return (
    <Alert
      severity="warning"
      data-testid="missing-sources"
      style={{ marginBottom: 16 }}
    >
      <AlertTitle>Some sources could not be read</AlertTitle>
      {missingSources.map(id => {
        const status = sources.find(s => s.id === id);
        const instead = status?.lastGoodAt
          ? `figures use its last good list, from ${status.lastGoodAt.slice(
              0,
              10,
            )}, instead`
          : 'figures leave it out';
        return (
          <div key={id}>
            {sourceTitle(id, sources)} could not be read on {day}: {instead}
            {status?.error ? ` (${status.error})` : ''}.
          </div>
        );
      })}
      <div>
        This is not a drop in coverage: the services that only this source
        knows about are neither lost nor reported missing because it was down.
      </div>
    </Alert>
  );
}
