import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { GithubProfile } from '@backstage/plugin-auth-backend-module-github-provider';
import {
  AuthResolverContext,
  OAuthAuthenticatorResult,
  SignInInfo,
} from '@backstage/plugin-auth-node';

const USER_ID = 'github.com/user-id';
const USER_LOGIN = 'github.com/user-login';

async function findUser(
  ctx: AuthResolverContext,
  annotations: Record<string, string>,
) {
  try {
    return (await ctx.findCatalogUser({ annotations })).entity;
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return undefined;
    throw error;
  }
}

/**
 * Signs a GitHub account in as its User entity: the one whose
 * `github.com/user-id` is the account's id (the GitHub organisation provider
 * writes it), else the one whose `github.com/user-login` is the login and that
 * names no id (Users written by hand). Anyone else is refused, saying why:
 * the portal is for the organisation's people, and a User of that login tied to
 * another account is never given to a newcomer who took over the login.
 */
export async function githubUserInCatalog(
  info: SignInInfo<OAuthAuthenticatorResult<GithubProfile>>,
  ctx: AuthResolverContext,
) {
  const { username: login, nodeId } = info.result.fullProfile;
  if (!login) {
    throw new NotAllowedError(
      'GitHub did not tell the portal which account signed in (the profile has no login). Try again, or ask the platform team to check the GitHub app.',
    );
  }
  const byId = nodeId ? await findUser(ctx, { [USER_ID]: nodeId }) : undefined;
  const byLogin = byId ?? (await findUser(ctx, { [USER_LOGIN]: login }));
  if (!byLogin) {
    throw new NotFoundError(
      `You signed in to GitHub as ${login}, but the portal's catalog has no person with that GitHub login, so the portal cannot tell who you are or which teams you are in. People are added from the organisation's GitHub teams: ask an organisation owner to add ${login} to the organisation, then sign in again after the next sync.`,
    );
  }
  const knownId = byLogin.metadata.annotations?.[USER_ID];
  if (knownId && nodeId && knownId !== nodeId) {
    throw new NotAllowedError(
      `The catalog's person with the GitHub login ${login} belongs to a different GitHub account (the login was renamed or reused). Ask the platform team to update ${stringifyEntityRef(
        byLogin,
      )}.`,
    );
  }
  return ctx.signInWithCatalogUser({
    entityRef: stringifyEntityRef(byLogin),
  });
}
