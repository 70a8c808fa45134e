import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the organisation-wide coverage report: the organisation's and every
 * team's and system's numbers, the trend, the missing repositories and the CSV
 * export. The default policy grants it to everyone; an operator can restrict it.
 * A team's own view and an entity's completeness card need only sign-in.
 */
export const coverageReportReadPermission = createPermission({
  name: 'coverage.report.read',
  attributes: { action: 'read' },
});

/**
 * Opening a pull request (on the local git host: a change request) that adds a
 * generated catalog-info.yaml to a production repository missing from the catalog.
 */
export const coveragePullRequestCreatePermission = createPermission({
  name: 'coverage.pull-request.create',
  attributes: { action: 'create' },
});

/** Taking a snapshot now, outside the daily schedule (operators, tests). */
export const coverageSnapshotCreatePermission = createPermission({
  name: 'coverage.snapshot.create',
  attributes: { action: 'create' },
});

/** All permissions of the coverage plugin, for registration. */
export const coveragePermissions = [
  coverageReportReadPermission,
  coveragePullRequestCreatePermission,
  coverageSnapshotCreatePermission,
];
