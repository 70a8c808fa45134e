import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckIcon from '@material-ui/icons/CheckCircle';
import CrossIcon from '@material-ui/icons/Cancel';
import { Link } from '@backstage/core-components';
import { CheckId, CheckResult } from '@internal/plugin-coverage-common';

/** A check's name, as the checklist shows it. */
export const checkTitles: Record<CheckId, string> = {
  'owner-resolves': 'Owner exists in the catalog',
  'owner-has-members': 'Owner has members',
  'techdocs-annotation': 'Has TechDocs',
  'techdocs-builds': 'TechDocs build',
  pagerduty: 'On-call (PagerDuty)',
  argocd: 'Deployment (Argo CD)',
  runbook: 'Runbook link',
  lifecycle: 'Lifecycle set',
  system: 'Part of a system',
  'relations-resolve': 'Relations point at existing entities',
  'no-processing-error': 'No processing error',
};

/**
 * One check of the checklist: passed or failed, what was found, and for a
 * failed one how to fix it with a link that says how.
 */
export function CheckItem(props: { check: CheckResult }) {
  const { check } = props;
  const title = checkTitles[check.id] ?? check.id;
  return (
    <Box
      component="li"
      display="flex"
      alignItems="flex-start"
      mb={1}
      aria-label={`${title}: ${check.ok ? 'passed' : 'missing'}`}
      data-testid={`check-${check.id}`}
    >
      {check.ok ? (
        <CheckIcon
          fontSize="small"
          style={{ color: '#2e7d32', marginRight: 8, marginTop: 2 }}
          titleAccess="passed"
        />
      ) : (
        <CrossIcon
          fontSize="small"
          color="error"
          style={{ marginRight: 8, marginTop: 2 }}
          titleAccess="missing"
        />
      )}
      <Box>
        <Typography variant="body2">
          <strong>{title}</strong> — {check.detail}
        </Typography>
        {!check.ok && (
          <Typography variant="body2" color="textSecondary">
            {check.fix}{' '}
            {check.fixUrl && <Link to={check.fixUrl}>How to fix this</Link>}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

/** Checks as a list, failed ones first. */
export function CheckList(props: { checks: CheckResult[]; label: string }) {
  const sorted = [...props.checks].sort(
    (a, b) => Number(a.ok) - Number(b.ok),
  );
  return (
    <Box component="ul" aria-label={props.label} p={0} m={0} style={{ listStyle: 'none' }}>
      {sorted.map(c => (
        <CheckItem key={c.id} check={c} />
      ))}
    </Box>
  );
}
