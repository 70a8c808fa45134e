import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Link } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  CoverageClient,
  CoverageReport,
} from '@internal/plugin-coverage-common';

/** The latest coverage report, or why there is none (no snapshot, no permission). */
export type CoverageHeadline =
  | { report: CoverageReport }
  | { none: 'no-snapshot' | 'not-allowed' };

/** Loads the coverage plugin's report; a missing snapshot or permission is an answer, not an error. */
export function useCoverageHeadline() {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const client = useMemo(
    () => new CoverageClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  return useAsync(async (): Promise<CoverageHeadline> => {
    try {
      return { report: await client.getReport() };
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      if (status === 404) return { none: 'no-snapshot' };
      if (status === 403) return { none: 'not-allowed' };
      throw e;
    }
  }, [client]);
}

const percent = (v: number | null) =>
  v === null ? '—' : `${Math.round(v * 100)}%`;

/**
 * The coverage plugin's headline beside the SPACE measures: the catalog
 * coverage of the organisation (or of the chosen team) against the threshold.
 */
export function CoverageCardContent(props: {
  headline: CoverageHeadline;
  group?: string;
}) {
  const { headline } = props;
  const more = <Link to="/coverage">Open the coverage dashboard</Link>;
  if ('none' in headline) {
    return (
      <>
        <Typography variant="h3" component="p" data-testid="coverage-headline">
          —
        </Typography>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          {headline.none === 'no-snapshot'
            ? 'No coverage snapshot yet: the first is taken within a day.'
            : 'You are not allowed to see the coverage report (coverage.report.read).'}
        </Typography>
        {headline.none === 'no-snapshot' && more}
      </>
    );
  }
  const { report } = headline;
  const team = props.group
    ? report.teams.find(t => t.ref === props.group)
    : undefined;
  const scope = team ?? report.organisation;
  const coverage = scope.measures.coverage;
  const below = coverage.ratio !== null && coverage.ratio < report.threshold;
  return (
    <>
      <Typography variant="h3" component="p" data-testid="coverage-headline">
        {percent(coverage.ratio)}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {`${scope.title}: ${coverage.numerator} of ${
          coverage.denominator
        } production services are in the catalog (snapshot of ${
          report.day
        }); threshold ${percent(report.threshold)}`}
        {props.group && !team ? ' (the chosen team has no figures)' : ''}
      </Typography>
      <Typography
        variant="body2"
        color={below ? 'error' : 'textPrimary'}
        gutterBottom
      >
        {below
          ? 'Below threshold: the catalog cannot be trusted.'
          : 'At or above threshold.'}
        {report.missingSources.length > 0 &&
          ` Sources left out: ${report.missingSources.join(', ')}.`}
      </Typography>
      {more}
    </>
  );
}
