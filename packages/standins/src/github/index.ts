export { GithubStandin } from './server';
export type { GithubStandinOptions } from './server';
export { GithubWorld, gitBlobSha } from './model';
export type {
  GithubCommit,
  GithubOrg,
  GithubRepo,
  GithubTeam,
  GithubUser,
  RepoInit,
} from './model';
export { GithubTraffic } from './traffic';
export { GithubTokenLimits } from './tokenLimits';
export type { GithubTokenRight } from './tokenLimits';
export { pullRequestsOf } from './pulls';
export type { GithubPull } from './pulls';
export type { GithubFault, GithubRequestRecord } from './traffic';
export { signWebhook, pushEventPayload, deliverWebhook } from './webhooks';
export type { OauthApp } from './oauth';
export { buildAcmePayOnGithub, ACME_PAY_ORG } from './acmePay';
export { buildGeneratedOrg } from './generated';
export type { GeneratedOrgOptions } from './generated';
