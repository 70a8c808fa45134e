/** A repository on the local git host. */
export interface GitHostRepository {
  owner: string;
  name: string;
  /** `owner/name`. */
  slug: string;
  description: string;
  defaultBranch: string;
  /** `git clone` over HTTP (authenticated like every portal API). */
  cloneUrl: string;
  /** The default branch's root, the base for file URLs (`.../blob/<branch>/`). */
  contentsUrl: string;
}

/** A file to write in a commit. */
export interface GitHostFileChange {
  path: string;
  /** The file's bytes, base64-encoded. */
  base64Content: string;
  /** Whether git records the file as executable (mode 100755). */
  executable?: boolean;
}

/** Who made a commit; defaults to the portal itself. */
export interface GitHostAuthor {
  name: string;
  email: string;
}

/** A commit to write on a branch. */
export interface GitHostCommitRequest {
  branch: string;
  message: string;
  files: GitHostFileChange[];
  author?: GitHostAuthor;
  /**
   * The commit the branch must point at for this commit to land; a branch that
   * moved meanwhile refuses the commit (409) instead of losing the other change.
   */
  expectedHead?: string;
}

/** A branch and the commit it points at. */
export interface GitHostBranch {
  name: string;
  commit: string;
}

/** A file or directory in a tree listing. */
export interface GitHostTreeEntry {
  path: string;
  type: 'blob' | 'tree';
  size?: number;
}

/** Creating a repository, optionally with its first commit. */
export interface GitHostCreateRepositoryRequest {
  owner: string;
  name: string;
  description?: string;
  defaultBranch?: string;
  /** Written as the first commit; if it fails, the repository is not created. */
  initialCommit?: Omit<GitHostCommitRequest, 'branch' | 'expectedHead'>;
}

/** A change request: a proposal to merge one branch into another. */
export interface GitHostChangeRequest {
  id: number;
  owner: string;
  repo: string;
  title: string;
  description: string;
  sourceBranch: string;
  targetBranch: string;
  status: 'open' | 'merged' | 'closed';
  /** Entity ref of the user or the service that opened it. */
  createdBy: string;
  createdAt: string;
  /** The files the source branch changes against the target, when listed singly. */
  changedFiles?: string[];
}

/** Opening a change request. */
export interface GitHostCreateChangeRequest {
  title: string;
  description?: string;
  sourceBranch: string;
  targetBranch?: string;
}
