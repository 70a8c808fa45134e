import crypto from 'node:crypto';
import express from 'express';

/** An OAuth app registered on the stand-in. */
export interface OauthApp {
  clientId: string;
  clientSecret: string;
}

/**
 * GitHub's OAuth web flow: `/login/oauth/authorize` sends the browser back
 * to the app with a code (as if the person signed in to GitHub had pressed
 * "Authorize"), and `/login/oauth/access_token` trades the code for a token
 * that `GET /api/v3/user` answers to.
 */
export function createOauthRouter(options: {
  apps: OauthApp[];
  signedInAs: () => string | undefined;
  issueToken: (login: string) => string;
}): express.Router {
  const router = express.Router();
  const codes = new Map<string, { login: string; clientId: string }>();

  router.get('/login/oauth/authorize', (req, res) => {
    const clientId = String(req.query.client_id ?? '');
    const redirect = String(req.query.redirect_uri ?? '');
    if (!options.apps.some(a => a.clientId === clientId)) {
      res.status(404).send('Not Found: no OAuth app with this client_id');
      return;
    }
    const login = options.signedInAs();
    if (!login) {
      res.status(401).send('Nobody is signed in to the GitHub stand-in');
      return;
    }
    const code = crypto.randomBytes(10).toString('hex');
    codes.set(code, { login, clientId });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    if (req.query.state)
      target.searchParams.set('state', String(req.query.state));
    res.redirect(302, target.toString());
  });

  router.post('/login/oauth/access_token', (req, res) => {
    const body = { ...req.query, ...req.body };
    const app = options.apps.find(a => a.clientId === body.client_id);
    const grant = codes.get(String(body.code ?? ''));
    // GitHub answers OAuth errors with 200 and an `error` field.
    let answer: Record<string, string>;
    if (!app || app.clientSecret !== body.client_secret) {
      answer = {
        error: 'incorrect_client_credentials',
        error_description:
          'The client_id and/or client_secret passed are incorrect.',
      };
    } else if (!grant || grant.clientId !== app.clientId) {
      answer = {
        error: 'bad_verification_code',
        error_description: 'The code passed is incorrect or expired.',
      };
    } else {
      codes.delete(String(body.code));
      answer = {
        access_token: options.issueToken(grant.login),
        token_type: 'bearer',
        scope: 'read:user',
      };
    }
    if ((req.get('accept') ?? '').includes('json')) res.json(answer);
    else
      res
        .type('application/x-www-form-urlencoded')
        .send(new URLSearchParams(answer).toString());
  });

  return router;
}
