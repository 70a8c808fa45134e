import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { TtfdReport } from '@internal/plugin-space-metrics-common';

/** Time to first deploy: median and 75th percentile per cohort. */
export function TtfdCardContent(props: { report: TtfdReport }) {
  const { cohorts, threshold } = props.report;
  const latest = [...cohorts]
    .reverse()
    .find(c => c.shown && c.medianDays !== undefined);
  const data = cohorts.map(c => ({
    quarter: c.quarter,
    median: c.shown ? c.medianDays ?? null : null,
    p75: c.shown ? c.p75Days ?? null : null,
  }));
  return (
    <>
      <Typography variant="h3" component="p" data-testid="ttfd-headline">
        {latest ? `${latest.medianDays} days` : '—'}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {latest
          ? `median for engineers who started in ${latest.quarter} (${latest.deployed} of ${latest.engineers} have deployed; 75th percentile ${latest.p75Days} days)`
          : 'No cohort in this period is large enough to show.'}
      </Typography>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis unit="d" />
          <Tooltip />
          <Legend />
          <Bar dataKey="median" name="median days" fill="#2ca02c" />
          <Bar dataKey="p75" name="75th percentile" fill="#98df8a" />
        </BarChart>
      </ResponsiveContainer>
      <ul aria-label="Cohorts">
        {cohorts.map(c => (
          <li key={c.quarter}>
            <Typography variant="body2">
              {c.quarter}:{' '}
              {c.shown
                ? `${c.engineers} started, ${c.deployed} deployed${
                    c.medianDays !== undefined
                      ? `, median ${c.medianDays} days, p75 ${c.p75Days} days`
                      : ', too few deployed to show times'
                  }`
                : `not enough engineers (fewer than ${threshold})`}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}
