import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CoverageReport,
  MeasureId,
} from '@internal/plugin-coverage-common';
import { MeasureInfo } from '../shared/MeasureInfo';
import { MeasureTiles } from '../shared/MeasureTiles';
import { change, fraction, percent } from '../shared/format';

/** Whether a coverage ratio reaches the trust threshold, in words. */
export function thresholdVerdict(
  ratio: number | null,
  threshold: number,
): { severity: 'error' | 'success' | 'info'; text: string } {
  if (ratio === null) {
    return {
      severity: 'info',
      text: 'No production services were found, so there is nothing to measure: check that the sources below are configured.',
    };
  }
  if (ratio < threshold) {
    return {
      severity: 'error',
      text: `Below threshold (${percent(
        threshold,
      )}): the catalog cannot be trusted.`,
    };
  }
  return {
    severity: 'success',
    text: `At or above threshold (${percent(
      threshold,
    )}): the catalog can be trusted.`,
  };
}

/**
 * The organisation's numbers: catalog coverage against the threshold, and the
 * four entity-level measures beside it, each with numerator and denominator.
 */
export function OrganisationHeadline(props: {
  report: CoverageReport;
  changes?: Record<MeasureId, number | null>;
}) {
  const { organisation, threshold } = props.report;
  const coverage = organisation.measures.coverage;
  const verdict = thresholdVerdict(coverage.ratio, threshold);
  // With no snapshot a week earlier, say so once rather than on every tile.
  const changes =
    props.changes && Object.values(props.changes).some(c => c !== null)
      ? props.changes
      : undefined;
  return (
    <InfoCard title={`${organisation.title}: catalog coverage`}>
      <Box display="flex" alignItems="baseline" flexWrap="wrap" mb={1}>
        <Typography
          variant="h2"
          component="p"
          data-testid="coverage-headline"
          style={{ marginRight: 16 }}
        >
          {percent(coverage.ratio)}
        </Typography>
        <Typography variant="body1" style={{ marginRight: 8 }}>
          {coverage.denominator === 0
            ? 'no production services found'
            : `${fraction(coverage)} production services are in the catalog`}
          {props.changes ? ` (${change(props.changes.coverage)})` : ''}
          ; threshold {percent(threshold)}
        </Typography>
        <MeasureInfo measure="coverage" />
      </Box>
      <Alert
        severity={verdict.severity}
        data-testid="coverage-verdict"
        style={{ marginBottom: 16 }}
      >
        {verdict.text}
      </Alert>
      <MeasureTiles
        measures={organisation.measures}
        only={['ownership', 'documentation', 'operability', 'hygiene']}
        changes={changes}
        testIdPrefix="organisation"
      />
    </InfoCard>
  );
}
