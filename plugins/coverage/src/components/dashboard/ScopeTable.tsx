import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  MEASURE_IDS,
  ScopeReport,
  measureDefinitions,
} from '@internal/plugin-coverage-common';
import { percent } from '../shared/format';

/**
 * Teams or systems with each measure's ratio (numerator/denominator) and
 * their gap, largest gap first.
 */
export function ScopeTable(props: {
  scopes: ScopeReport[];
  label: string;
  scopeTitle: string;
  threshold: number;
}) {
  const rows = [...props.scopes].sort((a, b) => b.gap - a.gap);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        None in this snapshot.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>{props.scopeTitle}</TableCell>
          <TableCell align="right">Gap</TableCell>
          {MEASURE_IDS.map(id => (
            <TableCell key={id} align="right">
              {measureDefinitions[id].title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(scope => (
          <TableRow key={scope.ref}>
            <TableCell>
              <EntityRefLink entityRef={scope.ref} title={scope.title} />
            </TableCell>
            <TableCell align="right" data-testid="scope-gap">
              {scope.gap}
            </TableCell>
            {MEASURE_IDS.map(id => {
              const value = scope.measures[id];
              const below =
                id === 'coverage' &&
                value.ratio !== null &&
                value.ratio < props.threshold;
              return (
                <TableCell
                  key={id}
                  align="right"
                  style={below ? { color: '#c62828', fontWeight: 600 } : {}}
                  title={
                    below ? 'below threshold: cannot be trusted' : undefined
                  }
                >
                  {percent(value.ratio)}{' '}
                  <Typography
                    component="span"
                    variant="caption"
                    color="textSecondary"
                  >
                    ({value.numerator}/{value.denominator})
                  </Typography>
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
