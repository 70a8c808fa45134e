/**
 * The definition of every measure on the dashboard, one click away from its
 * figure. docs/space-metrics.md says the same at more length.
 */
export const definitions = {
  nps: {
    title: 'Developer NPS',
    text:
      'Once a quarter the portal asks "How likely are you to recommend the portal to a colleague?" (0–10). ' +
      'Promoters answer 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors, from −100 to 100. ' +
      'One answer per person per quarter; answering again replaces it. A group counts everyone in it and in ' +
      'its sub-groups. No figure is shown for a group with fewer respondents than the anonymity threshold, ' +
      'nor when it could be worked out by subtracting figures that are shown.',
  },
  ttfd: {
    title: 'Time to first deploy',
    text:
      "For engineers who started in a quarter (their User entity's acme-pay.example/start-date, else their " +
      'GitHub organisation membership date): days from the start date to the first production deployment that ' +
      'contains a commit of theirs. Median and 75th percentile per quarterly cohort. Deployments come from ' +
      'Argo CD sync history, GitHub deployments and CI pipelines; the same commit deployed to the same service ' +
      'counts once. Cohorts smaller than the anonymity threshold are not shown; engineers who have not deployed ' +
      'yet are counted in the cohort but not in the times.',
  },
  adoption: {
    title: 'Scaffolder adoption',
    text:
      'Of the components that first appeared in the catalog in a quarter, the share made from a template ' +
      '(they carry the backstage.io/source-template annotation). Components already there when the portal ' +
      'first looked are not counted as new. Per template: runs started, the share of finished runs that ' +
      "succeeded, and the median duration of finished runs, from the Scaffolder's tasks. Outdated: components " +
      "whose acme-pay.example/template-version is older than the template's current version.",
  },
  usage: {
    title: 'Portal usage',
    text:
      "From the portal's own analytics events, sent by the browser to the portal's backend: weekly and " +
      'monthly active users (distinct signed-in people with at least one event), the most viewed pages and ' +
      'docs, the most used templates, and the most frequent searches, including those that found nothing. ' +
      'Raw events are kept for a configured time (90 days by default); after that only these totals remain.',
  },
} as const;

/** The keys of the dashboard's measures. */
export type MeasureKey = keyof typeof definitions;
