import { ReactNode, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Content, ContentHeader } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Alert from '@material-ui/lab/Alert';
import GetAppIcon from '@material-ui/icons/GetApp';
import { MeasureKey } from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../../api';
import { DEFAULT_PERIOD, customPeriod, periodPresets } from './periods';
import { MeasureCard } from './MeasureCard';
import { NpsCardContent } from './NpsCard';
import { TtfdCardContent } from './TtfdCard';
import { AdoptionCardContent } from './AdoptionCard';
import { UsageCardContent } from './UsageCard';
import { CoverageCardContent, useCoverageHeadline } from './CoverageCard';
import { toCsv } from './csv';

function download(name: string, text: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/csv;charset=utf-8' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The adoption dashboard: NPS, time to first deploy, Scaffolder adoption and
 * portal usage for a period and a team, chosen in the URL
 * (`?period=last-5-quarters&group=group:default/team-web`) so a view can be
 * shared, with the coverage plugin's headline (its latest snapshot) beside
 * them. Each measure loads on its own. More measures are one more entry in
 * `cards` below.
 */
export function AdoptionDashboardPage() {
  const api = useApi(spaceMetricsApiRef);
  const [params, setParams] = useSearchParams();
  const presets = useMemo(() => periodPresets(), []);
  // ?from=YYYY-MM-DD&to=YYYY-MM-DD gives any period; otherwise a named one.
  const custom = customPeriod(params.get('from'), params.get('to'));
  const preset =
    custom ??
    presets.find(p => p.id === params.get('period')) ??
    presets.find(p => p.id === DEFAULT_PERIOD)!;
  const group = params.get('group') || undefined;
  const query = { from: preset.from, to: preset.to, group };
  const deps = [api, preset.from, preset.to, group];

  const groups = useAsync(() => api.getGroups(), [api]);
  const nps = useAsync(() => api.getNps(query), deps);
  const ttfd = useAsync(() => api.getTtfd(query), deps);
  const adoption = useAsync(() => api.getAdoption(query), deps);
  const usage = useAsync(() => api.getUsage(query), deps);
  const coverage = useCoverageHeadline();

  const titles = new Map(
    (groups.value?.groups ?? []).map(g => [g.ref, g.title]),
  );
  const groupTitle = (ref: string | null) =>
    ref ? titles.get(ref) ?? ref : 'Whole organisation';
  const demo = [nps, ttfd, adoption, usage].some(r => r.value?.demo);
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (key === 'period') {
      next.delete('from');
      next.delete('to');
    }
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const cards: {
    measure: MeasureKey | 'coverage';
    state: { loading: boolean; error?: Error };
    content?: ReactNode;
  }[] = [
    {
      measure: 'nps',
      state: nps,
      content: nps.value && (
        <NpsCardContent
          report={nps.value}
          group={group}
          groupTitle={groupTitle}
        />
      ),
    },
    {
      measure: 'ttfd',
      state: ttfd,
      content: ttfd.value && <TtfdCardContent report={ttfd.value} />,
    },
    {
      measure: 'adoption',
      state: adoption,
      content: adoption.value && (
        <AdoptionCardContent report={adoption.value} />
      ),
    },
    {
      measure: 'usage',
      state: usage,
      content: usage.value && <UsageCardContent report={usage.value} />,
    },
    {
      measure: 'coverage',
      state: coverage,
      content: coverage.value && (
        <CoverageCardContent headline={coverage.value} group={group} />
      ),
    },
  ];

  return (
    <Content>
      <ContentHeader
        title={`${groupTitle(group ?? null)}, ${preset.from} to ${preset.to}`}
      >
        <FormControl
          variant="outlined"
          size="small"
          style={{ minWidth: 260, marginRight: 12 }}
        >
          <InputLabel id="space-period">Period</InputLabel>
          <Select
            labelId="space-period"
            label="Period"
            value={preset.id}
            onChange={e =>
              e.target.value !== 'custom' &&
              set('period', e.target.value as string)
            }
          >
            {custom && <MenuItem value={custom.id}>{custom.label}</MenuItem>}
            {presets.map(p => (
              <MenuItem key={p.id} value={p.id}>
                {p.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl
          variant="outlined"
          size="small"
          style={{ minWidth: 260, marginRight: 12 }}
        >
          <InputLabel id="space-group" shrink>
            Team
          </InputLabel>
          <Select
            labelId="space-group"
            label="Team"
            displayEmpty
            value={group ?? ''}
            onChange={e => set('group', e.target.value as string)}
          >
            <MenuItem value="">Whole organisation</MenuItem>
            {(groups.value?.groups ?? []).map(g => (
              <MenuItem
                key={g.ref}
                value={g.ref}
              >{`${g.title} (${g.type})`}</MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={() =>
            download(
              `space-metrics-${preset.from}-${preset.to}${
                group ? `-${group.replace(/[^a-z0-9-]+/gi, '-')}` : ''
              }.csv`,
              toCsv(
                {
                  nps: nps.value,
                  ttfd: ttfd.value,
                  adoption: adoption.value,
                  usage: usage.value,
                },
                { from: preset.from, to: preset.to, group: group ?? '' },
              ),
            )
          }
        >
          Export CSV
        </Button>
      </ContentHeader>
      {demo && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          Demo data: this history was generated for the demo organisation by the
          demo seed (spaceMetrics.demoData in app-config.yaml), so you can see
          the dashboard before real data arrives. It is not real; real answers,
          deployments and usage are added to it.
        </Alert>
      )}
      <Grid container spacing={3}>
        {cards.map(c => (
          <Grid item xs={12} lg={6} key={c.measure}>
            <MeasureCard
              measure={c.measure}
              loading={c.state.loading}
              error={c.state.error}
            >
              {c.content}
            </MeasureCard>
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}
