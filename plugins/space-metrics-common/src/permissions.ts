import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the adoption dashboard: NPS, time-to-first-deploy, Scaffolder adoption
 * and portal usage, all already aggregated and anonymised.
 */
export const spaceDashboardReadPermission = createPermission({
  name: 'space.dashboard.read',
  attributes: { action: 'read' },
});

/**
 * Reading the survey's free-text comments (never with their authors, and only
 * for groups at or above the anonymity threshold). Comments are the most
 * identifying part of the survey, so they have a permission of their own.
 */
export const spaceSurveyCommentsReadPermission = createPermission({
  name: 'space.survey.comments.read',
  attributes: { action: 'read' },
});

/**
 * Reporting a deployment through the API (a CI pipeline's service token).
 * Users cannot report deployments; only service principals can.
 */
export const spaceDeploymentCreatePermission = createPermission({
  name: 'space.deployment.create',
  attributes: { action: 'create' },
});

/** All permissions of the SPACE metrics plugin, for registration. */
export const spaceMetricsPermissions = [
  spaceDashboardReadPermission,
  spaceSurveyCommentsReadPermission,
  spaceDeploymentCreatePermission,
];
