import { Entity } from '@backstage/catalog-model';

/** A Group with direct members and an optional parent, relations as the catalog stitches them. */
export function group(
  name: string,
  members: string[],
  parent?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: [
      ...members.map(m => ({
        type: 'hasMember',
        targetRef: `user:default/${m}`,
      })),
      ...(parent
        ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
        : []),
    ],
  };
}

export function user(name: string, groups: string[], login?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(login ? { annotations: { 'github.com/user-login': login } } : {}),
    },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

export function system(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'platform' },
  };
}

/**
 * A Component that passes every check unless `overrides` say otherwise; its
 * relations are derived from owner and system as the catalog would.
 */
export function component(
  name: string,
  options: {
    owner?: string;
    system?: string;
    lifecycle?: string;
    annotations?: Record<string, string>;
    links?: { url: string; title?: string; type?: string }[];
    dependsOn?: string[];
    errors?: string[];
  } = {},
): Entity {
  const owner = 'owner' in options ? options.owner : 'payments';
  const sys = 'system' in options ? options.system : 'billing';
  const annotations =
    options.annotations ??
    ({
      'github.com/project-slug': `acme/${name}`,
      'backstage.io/techdocs-ref': 'dir:.',
      'pagerduty.com/service-id': `P-${name}`,
      'argocd/app-name': name,
    } as Record<string, string>);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations,
      links: options.links ?? [
        { url: `https://runbooks.example/${name}`, type: 'runbook' },
      ],
    },
    spec: {
      type: 'service',
      ...lifecycleOf(options),
      ...(owner ? { owner } : {}),
      ...(sys ? { system: sys } : {}),
      ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
    },
    relations: [
      ...(owner
        ? [{ type: 'ownedBy', targetRef: `group:default/${owner}` }]
        : []),
      ...(sys ? [{ type: 'partOf', targetRef: `system:default/${sys}` }] : []),
      ...(options.dependsOn ?? []).map(d => ({
        type: 'dependsOn',
        targetRef: d,
      })),
    ],
    ...(options.errors
      ? {
          status: {
            items: options.errors.map(message => ({
              type: 'backstage.io/catalog-processing',
              level: 'error' as const,
              message,
              error: { name: 'InputError', message },
            })),
          },
        }
      : {}),
  };
}

/** An organisation: acme > engineering (department) > payments, risk; and an empty team. */
export function org(): Entity[] {
  return [
    group('acme', ['ceo']),
    group('engineering', ['director'], 'acme'),
    group('payments', ['ana', 'bo'], 'engineering'),
    group('risk', ['cy'], 'engineering'),
    group('ghosts', [], 'engineering'),
    user('ceo', ['acme']),
    user('director', ['engineering']),
    user('ana', ['payments'], 'ana-gh'),
    user('bo', ['payments'], 'bo-gh'),
    user('cy', ['risk'], 'cy-gh'),
    system('billing'),
    system('fraud'),
  ];
}

/** spec.lifecycle: 'production' unless given; none when given as undefined. */
function lifecycleOf(options: { lifecycle?: string }) {
  if (!('lifecycle' in options)) return { lifecycle: 'production' };
  return options.lifecycle ? { lifecycle: options.lifecycle } : {};
}
