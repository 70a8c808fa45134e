import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  CoverageTrend,
  MEASURE_IDS,
  measureDefinitions,
} from '@internal/plugin-coverage-common';
import { change, percent } from '../shared/format';

const colours: Record<string, string> = {
  coverage: '#1f77b4',
  ownership: '#ff7f0e',
  documentation: '#2ca02c',
  operability: '#d62728',
  hygiene: '#9467bd',
};

/**
 * The organisation's ratios per day over the window, the threshold as a line,
 * the change since last week, and the days on which a source was missing.
 */
export function TrendChart(props: { trend: CoverageTrend; threshold: number }) {
  const { points, changeSinceLastWeek, days } = props.trend;
  const data = points.map(p => ({
    day: p.day,
    ...Object.fromEntries(
      MEASURE_IDS.map(id => [
        id,
        p.ratios[id] === null ? null : Math.round(p.ratios[id]! * 1000) / 10,
      ]),
    ),
  }));
  const partial = points.filter(p => p.missingSources.length > 0);
  return (
    <>
      <ul aria-label="Change since last week" style={{ paddingLeft: 20 }}>
        {MEASURE_IDS.map(id => (
          <li key={id}>
            <Typography variant="body2" data-testid={`change-${id}`}>
              {measureDefinitions[id].title}: {change(changeSinceLastWeek[id])}
            </Typography>
          </li>
        ))}
      </ul>
      {points.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No snapshots in the last {days} days.
        </Typography>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: -8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis unit="%" domain={[0, 100]} />
            <Tooltip formatter={(v: number) => `${v}%`} />
            <Legend />
            <ReferenceLine
              y={props.threshold * 100}
              stroke="#c62828"
              strokeDasharray="6 3"
              label={`threshold ${percent(props.threshold)}`}
            />
            {MEASURE_IDS.map(id => (
              <Line
                key={id}
                type="monotone"
                dataKey={id}
                name={measureDefinitions[id].title}
                stroke={colours[id]}
                dot={points.length < 15}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
      {partial.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Days on which a source was missing (figures leave it out):{' '}
          {partial
            .map(p => `${p.day} (${p.missingSources.join(', ')})`)
            .join('; ')}
          .
        </Typography>
      )}
    </>
  );
}
