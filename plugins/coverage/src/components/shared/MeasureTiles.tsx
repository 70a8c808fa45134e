import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  MEASURE_IDS,
  MeasureId,
  Measures,
  measureDefinitions,
} from '@internal/plugin-coverage-common';
import { MeasureInfo } from './MeasureInfo';
import { change, fraction, percent } from './format';

/**
 * Each measure as a tile: ratio, numerator of denominator, its definition one
 * click away and, when known, the change since last week.
 */
export function MeasureTiles(props: {
  measures: Measures;
  only?: MeasureId[];
  changes?: Record<MeasureId, number | null>;
  testIdPrefix: string;
}) {
  const ids = props.only ?? MEASURE_IDS;
  return (
    <Grid container spacing={2}>
      {ids.map(id => {
        const value = props.measures[id];
        return (
          <Grid item xs={12} sm={6} md key={id}>
            <Paper
              variant="outlined"
              role="group"
              aria-label={measureDefinitions[id].title}
            >
              <Box p={2}>
                <Box display="flex" alignItems="center">
                  <Typography variant="subtitle2" style={{ flexGrow: 1 }}>
                    {measureDefinitions[id].title}
                  </Typography>
                  <MeasureInfo measure={id} />
                </Box>
                <Typography
                  variant="h4"
                  component="p"
                  data-testid={`${props.testIdPrefix}-${id}`}
                >
                  {percent(value.ratio)}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {fraction(value)}
                  {props.changes ? `; ${change(props.changes[id])}` : ''}
                </Typography>
              </Box>
            </Paper>
          </Grid>
        );
      })}
    </Grid>
  );
}
