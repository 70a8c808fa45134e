/**
 * Stand-ins for the SaaS the portal talks to. Each is a real HTTP server on
 * loopback that speaks the part of the real API the portal's production code
 * uses, so tests and benchmarks run that code unchanged (pointed at the stand-in
 * through configuration) instead of mocking it.
 *
 * One folder per system: `github/`, `argocd/`, `pagerduty/`.
 *
 * @packageDocumentation
 */
export * from './github';
export * from './argocd';
export * from './pagerduty';
export * from './github-deployments';
