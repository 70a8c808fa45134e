import { errorResponseMessage, unreachableReason } from './httpErrors';

describe('errorResponseMessage', () => {
  it.each([
    ['{"message":"Bad credentials"}', 'Bad credentials'],
    [
      '{"error":{"message":"Authentication failed","code":2006}}',
      'Authentication failed',
    ],
    ['{"error":"no session information","code":16}', 'no session information'],
    ['<html>Bad Gateway</html>', '<html>Bad Gateway</html>'],
    ['', 'Service Unavailable'],
  ])('reads %s as %s', async (body, message) => {
    const res = new Response(body, {
      status: 503,
      statusText: 'Service Unavailable',
    });
    expect(await errorResponseMessage(res)).toBe(message);
  });
});

describe('unreachableReason', () => {
  it('names the cause fetch hides', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      }),
    });
    expect(unreachableReason(error)).toBe('fetch failed: ECONNREFUSED');
  });
});
