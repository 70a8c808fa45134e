import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { TopEntry, UsageReport } from '@internal/plugin-space-metrics-common';

function TopList(props: { title: string; entries: TopEntry[]; empty: string }) {
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.entries.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <ol aria-label={props.title} style={{ marginTop: 4, paddingLeft: 20 }}>
          {props.entries.map(e => (
            <li key={e.key}>
              <Typography variant="body2">
                {e.key} <span style={{ opacity: 0.7 }}>({e.count})</span>
              </Typography>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Portal usage: weekly and monthly active people, and the top lists. */
export function UsageCardContent(props: { report: UsageReport }) {
  const r = props.report;
  const lastWeek = r.weekly[r.weekly.length - 1];
  const lastMonth = r.monthly[r.monthly.length - 1];
  // Monthly figures sit on the month's first week, so both share one axis.
  const months = new Map(r.monthly.map(m => [m.start.slice(0, 7), m.users]));
  const seen = new Set<string>();
  const data = r.weekly.map(w => {
    const month = w.start.slice(0, 7);
    const first = !seen.has(month);
    seen.add(month);
    return {
      week: w.start,
      wau: w.users,
      mau: first ? months.get(month) ?? null : null,
    };
  });
  return (
    <>
      <Typography variant="h3" component="p" data-testid="usage-headline">
        {lastWeek ? `${lastWeek.users} weekly` : '—'}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {lastMonth
          ? `${lastMonth.users} active people in the month of ${lastMonth.start}`
          : 'No usage recorded in this period.'}
      </Typography>
      <ResponsiveContainer width="100%" height={180}>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" minTickGap={24} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="mau" name="monthly active" fill="#ffbb78" />
          <Line
            type="monotone"
            dataKey="wau"
            name="weekly active"
            stroke="#ff7f0e"
            dot={false}
            strokeWidth={2}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <TopList
            title="Top pages"
            entries={r.topPages}
            empty="No page views."
          />
          <TopList title="Top docs" entries={r.topDocs} empty="No docs read." />
          <TopList
            title="Top templates"
            entries={r.topTemplates}
            empty="No template runs."
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <TopList
            title="Top searches"
            entries={r.topSearches}
            empty="No searches."
          />
          <TopList
            title="Searches that found nothing"
            entries={r.emptySearches}
            empty="Every search found something."
          />
        </Grid>
      </Grid>
    </>
  );
}
