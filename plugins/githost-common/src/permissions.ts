import { createPermission } from '@backstage/plugin-permission-common';

/** Reading repositories: files, trees, branches, change requests, `git clone`. */
export const githostRepositoryReadPermission = createPermission({
  name: 'githost.repository.read',
  attributes: { action: 'read' },
});

/** Creating a repository (the Scaffolder's `publish:githost`). */
export const githostRepositoryCreatePermission = createPermission({
  name: 'githost.repository.create',
  attributes: { action: 'create' },
});

/** Writing to an existing repository: branches, commits, change requests. */
export const githostRepositoryWritePermission = createPermission({
  name: 'githost.repository.write',
  attributes: { action: 'update' },
});

/** Deleting a repository (the Scaffolder undoing a failed creation). */
export const githostRepositoryDeletePermission = createPermission({
  name: 'githost.repository.delete',
  attributes: { action: 'delete' },
});

/** All permissions of the git host, for registration. */
export const githostPermissions = [
  githostRepositoryReadPermission,
  githostRepositoryCreatePermission,
  githostRepositoryWritePermission,
  githostRepositoryDeletePermission,
];
