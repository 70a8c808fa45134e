import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the catalog-health report: which files failed and why. Granted to
 * everyone by the default policy; file paths and raw errors may be restricted.
 */
export const catalogHealthReadPermission = createPermission({
  name: 'catalog.health.read',
  attributes: { action: 'read' },
});

/** All permissions of the catalog-health view, for registration. */
export const catalogHealthPermissions = [catalogHealthReadPermission];
