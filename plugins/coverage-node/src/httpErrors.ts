/**
 * Why a `fetch` to a source's API did not get an answer. fetch says only
 * "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a timeout) is its cause.
 */
export function unreachableReason(error: unknown): string {
  const e = error as {
    message?: string;
    cause?: { code?: string; message?: string };
  };
  return [e?.message ?? String(error), e?.cause?.code ?? e?.cause?.message]
    .filter(Boolean)
    .join(': ');
}

/**
 * The message of an API's error answer: `{ message }` (GitHub, Argo CD's
 * gRPC gateway), `{ error: { message } }` (PagerDuty), or the start of the
 * text, or the status text.
 */
export async function errorResponseMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    const message =
      body?.error?.message ??
      body?.message ??
      (typeof body?.error === 'string' ? body.error : undefined);
    if (message) return String(message);
  } catch {
    // not JSON: fall through to the text
  }
  return text.trim().slice(0, 200) || res.statusText;
}
