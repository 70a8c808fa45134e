import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  NpsFigure,
  NpsReport,
  spaceSurveyCommentsReadPermission,
} from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../../api';

/** What a withheld figure says instead of a number. */
export function withheldText(f: { reason?: string }): string {
  return f.reason === 'could-be-derived'
    ? 'withheld: could be derived from other teams'
    : 'not enough responses';
}

function Comments(props: { quarter: string; group?: string; title: string }) {
  const api = useApi(spaceMetricsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getNpsComments({ quarter: props.quarter, group: props.group }),
    [api, props.quarter, props.group],
  );
  if (loading) return <Typography>Loading…</Typography>;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!value?.shown)
    return (
      <Typography>{`No comments are shown for ${props.title}: ${withheldText(
        value ?? {},
      )}.`}</Typography>
    );
  if (value.comments.length === 0)
    return <Typography>Nobody left a comment.</Typography>;
  return (
    <ul>
      {value.comments.map((c, i) => (
        <li key={i}>
          <Typography variant="body2">{c}</Typography>
        </li>
      ))}
    </ul>
  );
}

/** NPS: the trend of the chosen group, and its teams in the last quarter. */
export function NpsCardContent(props: {
  report: NpsReport;
  group?: string;
  groupTitle: (ref: string | null) => string;
}) {
  const { report, group, groupTitle } = props;
  const [showComments, setShowComments] = useState(false);
  const { allowed: canReadComments } = usePermission({
    permission: spaceSurveyCommentsReadPermission,
  });
  const last = report.trend[report.trend.length - 1];
  const title = groupTitle(group ?? null);
  const data = report.trend.map(f => ({
    quarter: f.quarter,
    nps: f.shown ? f.nps : null,
  }));
  return (
    <>
      <Typography variant="h3" component="p" data-testid="nps-headline">
        {last?.shown ? `${last.nps! > 0 ? '+' : ''}${last.nps}` : '—'}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {last?.shown
          ? `${title}, ${last.quarter}: ${last.respondents} respondents (${last.promoters} promoters, ${last.passives} passives, ${last.detractors} detractors)`
          : `${title}, ${last?.quarter}: ${withheldText(last ?? {})}`}
      </Typography>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis domain={[-100, 100]} />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="nps"
            name="NPS"
            stroke="#1f77b4"
            strokeWidth={2}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
      {report.groups.length > 0 && (
        <Table size="small" aria-label={`NPS by team, ${last?.quarter}`}>
          <TableHead>
            <TableRow>
              <TableCell>Group ({last?.quarter})</TableCell>
              <TableCell align="right">NPS</TableCell>
              <TableCell align="right">Respondents</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.groups.map((f: NpsFigure) => (
              <TableRow key={f.groupRef}>
                <TableCell>{groupTitle(f.groupRef)}</TableCell>
                <TableCell align="right">
                  {f.shown ? f.nps : withheldText(f)}
                </TableCell>
                <TableCell align="right">
                  {f.shown ? f.respondents : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="caption" color="textSecondary" component="p">
        No figure is shown for fewer than {report.threshold} respondents.
      </Typography>
      {canReadComments && last && (
        <Button size="small" onClick={() => setShowComments(true)}>
          Read comments ({last.quarter})
        </Button>
      )}
      <Dialog
        open={showComments}
        onClose={() => setShowComments(false)}
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle>{`Comments, ${title}, ${last?.quarter}`}</DialogTitle>
        <DialogContent>
          {showComments && last && (
            <Comments quarter={last.quarter} group={group} title={title} />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
