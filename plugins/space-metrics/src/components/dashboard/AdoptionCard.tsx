import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
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
import { AdoptionReport } from '@internal/plugin-space-metrics-common';

const percent = (v: number | null) =>
  v === null ? '—' : `${Math.round(v * 100)}%`;

/** Scaffolder adoption: new components by origin, runs per template, outdated services. */
export function AdoptionCardContent(props: { report: AdoptionReport }) {
  const { periods, templates, outdated } = props.report;
  const total = periods.reduce((n, p) => n + p.newComponents, 0);
  const fromTemplate = periods.reduce((n, p) => n + p.fromTemplate, 0);
  const data = periods.map(p => ({
    quarter: p.quarter,
    template: p.fromTemplate,
    adhoc: p.newComponents - p.fromTemplate,
  }));
  return (
    <>
      <Typography variant="h3" component="p" data-testid="adoption-headline">
        {total > 0 ? percent(fromTemplate / total) : '—'}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {`of ${total} new components in the period were made from a template`}
      </Typography>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="template"
            stackId="a"
            name="from a template"
            fill="#9467bd"
          />
          <Bar dataKey="adhoc" stackId="a" name="ad hoc" fill="#c5b0d5" />
        </BarChart>
      </ResponsiveContainer>
      <Table size="small" aria-label="Runs per template">
        <TableHead>
          <TableRow>
            <TableCell>Template</TableCell>
            <TableCell align="right">Runs</TableCell>
            <TableCell align="right">Success</TableCell>
            <TableCell align="right">Median duration</TableCell>
            <TableCell align="right">Version</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {templates.map(t => (
            <TableRow key={t.templateRef}>
              <TableCell>{t.title ?? t.templateRef}</TableCell>
              <TableCell align="right">{t.runs}</TableCell>
              <TableCell align="right">{percent(t.successRate)}</TableCell>
              <TableCell align="right">
                {t.medianDurationSeconds === null
                  ? '—'
                  : `${Math.round(t.medianDurationSeconds)} s`}
              </TableCell>
              <TableCell align="right">{t.currentVersion ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" style={{ marginTop: 12 }}>
        {outdated.length === 0
          ? 'Every component made from a template is on its current version.'
          : `${outdated.length} components were made from an older template version`}
      </Typography>
      {outdated.length > 0 && (
        <ul aria-label="Components on an older template version">
          {outdated.map(o => (
            <li key={o.componentRef}>
              <Typography variant="body2">
                {`${o.componentRef.replace(
                  /^component:default\//,
                  '',
                )}: ${o.templateRef.replace(/^template:default\//, '')} ${
                  o.version
                } (current ${o.currentVersion})`}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
