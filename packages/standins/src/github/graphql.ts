import { buildSchema, graphql, GraphQLSchema } from 'graphql';
import {
  gitBlobSha,
  GithubOrg,
  GithubRepo,
  GithubTeam,
  GithubWorld,
} from './model';

/**
 * The part of GitHub's GraphQL schema that the portal's GitHub modules query
 * (repository discovery, organisation teams and members). Field names and types
 * follow GitHub's schema, so a query that asks for something GitHub does not have
 * fails here as it would there, and a query for something this stand-in does not
 * serve fails loudly instead of returning nothing.
 */
const schemaText = /* GraphQL */ `
  type Query {
    repositoryOwner(login: String!): RepositoryOwner
    organization(login: String!): Organization
    user(login: String!): User
    rateLimit: RateLimit
  }

  type RateLimit {
    limit: Int!
    remaining: Int!
    resetAt: String!
    cost: Int!
  }

  interface RepositoryOwner {
    login: String!
    repositories(first: Int, after: String): RepositoryConnection!
    repository(name: String!): Repository
  }

  type Organization implements RepositoryOwner {
    login: String!
    name: String
    repositories(first: Int, after: String): RepositoryConnection!
    repository(name: String!): Repository
    membersWithRole(first: Int, after: String): OrganizationMemberConnection!
    teams(first: Int, after: String, userLogins: [String!]): TeamConnection!
    team(slug: String!): Team
  }

  type User implements RepositoryOwner {
    login: String!
    id: ID!
    name: String
    email: String!
    bio: String
    avatarUrl: String!
    suspendedAt: String
    organizationVerifiedDomainEmails(login: String!): [String!]!
    organizations(first: Int, after: String): OrganizationConnection!
    repositories(first: Int, after: String): RepositoryConnection!
    repository(name: String!): Repository
  }

  enum RepositoryVisibility {
    PUBLIC
    PRIVATE
    INTERNAL
  }

  type Repository {
    name: String!
    nameWithOwner: String!
    url: String!
    description: String
    isArchived: Boolean!
    isFork: Boolean!
    visibility: RepositoryVisibility!
    createdAt: String!
    pushedAt: String
    defaultBranchRef: Ref
    repositoryTopics(first: Int, after: String): RepositoryTopicConnection!
    object(expression: String!): GitObject
  }

  type Ref {
    name: String!
  }

  type Topic {
    name: String!
  }

  type RepositoryTopic {
    topic: Topic!
  }

  type RepositoryTopicConnection {
    nodes: [RepositoryTopic!]!
    totalCount: Int!
  }

  interface GitObject {
    id: ID!
    oid: String!
  }

  type Blob implements GitObject {
    id: ID!
    oid: String!
    text: String
    byteSize: Int!
    isBinary: Boolean
  }

  type Tree implements GitObject {
    id: ID!
    oid: String!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type RepositoryConnection {
    nodes: [Repository!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type OrganizationMemberConnection {
    nodes: [User!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type OrganizationConnection {
    nodes: [Organization!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  enum TeamMembershipType {
    IMMEDIATE
    CHILD_TEAM
    ALL
  }

  type Team {
    slug: String!
    combinedSlug: String!
    name: String!
    description: String
    avatarUrl: String
    editTeamUrl: String!
    parentTeam: Team
    members(
      first: Int
      after: String
      membership: TeamMembershipType
    ): TeamMemberConnection!
  }

  type TeamConnection {
    nodes: [Team!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type TeamMemberConnection {
    nodes: [User!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
`;

const schema: GraphQLSchema = buildSchema(schemaText);

type PageArgs = { first?: number; after?: string };

/** GitHub's connection paging: `first` from 1 to 100, opaque cursors. */
function page<T>(items: T[], args: PageArgs, connection: string) {
  if (args.first === undefined || args.first === null) {
    throw new Error(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
    );
  }
  if (args.first < 1 || args.first > 100) {
    throw new Error(
      `Requesting ${args.first} records on the \`${connection}\` connection exceeds the \`first\` limit of 100 records.`,
    );
  }
  const start = args.after
    ? Number(Buffer.from(args.after, 'base64').toString().split(':')[1]) + 1
    : 0;
  const slice = items.slice(start, start + args.first);
  const end = start + slice.length - 1;
  return {
    nodes: slice,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + slice.length < items.length,
      endCursor: slice.length
        ? Buffer.from(`cursor:${end}`).toString('base64')
        : null,
    },
  };
}

/** Resolves GraphQL objects lazily from the world, as plain objects with methods. */
export class GithubGraph {
  constructor(
    private readonly world: GithubWorld,
    private readonly webUrl: string,
  ) {}

  run(query: string, variables: Record<string, unknown> | undefined) {
    return graphql({
      schema,
      source: query,
      variableValues: variables,
      rootValue: this.root(),
    });
  }

  private root() {
    return {
      repositoryOwner: ({ login }: { login: string }) => {
        const org = this.world.orgs.get(login.toLowerCase());
        if (org) return this.organization(org);
        const user = this.world.users.get(login.toLowerCase());
        return user ? this.user(user.login) : null;
      },
      organization: ({ login }: { login: string }) => {
        const org = this.world.orgs.get(login.toLowerCase());
        if (!org) {
          throw new Error(
            `Could not resolve to an Organization with the login of '${login}'.`,
          );
        }
        return this.organization(org);
      },
      user: ({ login }: { login: string }) =>
        this.world.users.has(login.toLowerCase()) ? this.user(login) : null,
      rateLimit: () => ({
        limit: 5000,
        remaining: 5000,
        resetAt: new Date(Date.now() + 3600_000).toISOString(),
        cost: 1,
      }),
    };
  }

  private organization(org: GithubOrg) {
    const teams = [...org.teams.values()].sort((a, b) =>
      a.slug.localeCompare(b.slug),
    );
    return {
      __typename: 'Organization',
      login: org.login,
      name: org.login,
      repositories: (args: PageArgs) =>
        page(
          [...org.repos.values()]
            .sort((a, b) => a.id - b.id)
            .map(r => this.repository(r)),
          args,
          'repositories',
        ),
      repository: ({ name }: { name: string }) => {
        const repo = org.repos.get(name.toLowerCase());
        return repo ? this.repository(repo) : null;
      },
      membersWithRole: (args: PageArgs) =>
        page(
          org.members.map(login => this.user(login, org)),
          args,
          'membersWithRole',
        ),
      teams: (args: PageArgs & { userLogins?: string[] }) => {
        const logins = args.userLogins?.filter(Boolean) ?? [];
        const selected = logins.length
          ? teams.filter(t => t.members.some(m => logins.includes(m)))
          : teams;
        return page(
          selected.map(t => this.team(org, t)),
          args,
          'teams',
        );
      },
      team: ({ slug }: { slug: string }) => {
        const team = org.teams.get(slug);
        return team ? this.team(org, team) : null;
      },
    };
  }

  private user(login: string, org?: GithubOrg) {
    const user = this.world.users.get(login.toLowerCase());
    if (!user) throw new Error(`stand-in: no user ${login}`);
    return {
      __typename: 'User',
      login: user.login,
      id: Buffer.from(`04:User${user.id}`).toString('base64'),
      name: user.name ?? null,
      // GitHub answers "" for a user without a public e-mail.
      email: user.email ?? '',
      bio: user.bio ?? null,
      avatarUrl: user.avatarUrl ?? `${this.webUrl}/avatars/u/${user.id}?v=4`,
      suspendedAt: null,
      organizationVerifiedDomainEmails: () =>
        org && user.email ? [user.email] : [],
      organizations: (args: PageArgs) =>
        page(
          [...this.world.orgs.values()]
            .filter(o => o.members.includes(user.login))
            .map(o => this.organization(o)),
          args,
          'organizations',
        ),
      repositories: (args: PageArgs) => page([], args, 'repositories'),
      repository: () => null,
    };
  }

  private team(org: GithubOrg, team: GithubTeam): Record<string, unknown> {
    const parent = team.parent ? org.teams.get(team.parent) : undefined;
    return {
      slug: team.slug,
      combinedSlug: `${org.login}/${team.slug}`,
      name: team.name,
      description: team.description ?? null,
      avatarUrl: null,
      editTeamUrl: `${this.webUrl}/orgs/${org.login}/teams/${team.slug}/edit`,
      parentTeam: parent ? this.team(org, parent) : null,
      members: (args: PageArgs & { membership?: string }) => {
        const logins =
          args.membership && args.membership !== 'IMMEDIATE'
            ? this.allMembers(org, team)
            : team.members;
        return page(
          logins.map(login => this.user(login, org)),
          args,
          'members',
        );
      },
    };
  }

  private allMembers(org: GithubOrg, team: GithubTeam): string[] {
    const children = [...org.teams.values()].filter(
      t => t.parent === team.slug,
    );
    return [
      ...new Set([
        ...team.members,
        ...children.flatMap(c => this.allMembers(org, c)),
      ]),
    ];
  }

  private repository(repo: GithubRepo) {
    const head = repo.branches.get(repo.defaultBranch);
    return {
      name: repo.name,
      nameWithOwner: `${repo.owner}/${repo.name}`,
      url: `${this.webUrl}/${repo.owner}/${repo.name}`,
      description: repo.description ?? null,
      isArchived: repo.archived,
      isFork: repo.fork,
      visibility: repo.visibility.toUpperCase(),
      createdAt: repo.createdAt,
      pushedAt: head?.date ?? null,
      // An empty repository has no default branch ref, as on GitHub.
      defaultBranchRef: head ? { name: repo.defaultBranch } : null,
      repositoryTopics: (args: PageArgs) =>
        page(
          repo.topics.map(name => ({ topic: { name } })),
          args,
          'repositoryTopics',
        ),
      object: ({ expression }: { expression: string }) =>
        this.object(repo, expression),
    };
  }

  /** `<ref>:<path>`, as in `HEAD:catalog-info.yaml`. */
  private object(repo: GithubRepo, expression: string) {
    const separator = expression.indexOf(':');
    if (separator < 0) return null;
    const commit = this.world.resolveRef(repo, expression.slice(0, separator));
    if (!commit) return null;
    const path = expression.slice(separator + 1).replace(/^\/+/, '');
    const content = commit.files.get(path);
    if (content) {
      const isBinary = content.includes(0);
      return {
        __typename: 'Blob',
        id: Buffer.from(`05:Blob${repo.id}:${path}`).toString('base64'),
        oid: gitBlobSha(content),
        text: isBinary ? null : content.toString('utf8'),
        byteSize: content.length,
        isBinary,
      };
    }
    const prefix = path ? `${path}/` : '';
    if ([...commit.files.keys()].some(p => p.startsWith(prefix))) {
      return {
        __typename: 'Tree',
        id: Buffer.from(`05:Tree${repo.id}:${path}`).toString('base64'),
        oid: commit.sha,
      };
    }
    return null;
  }
}
