export { createTestDatabases } from '@internal/test-utils';

/** A file for a commit request. */
export const textFile = (path: string, text: string, executable?: boolean) => ({
  path,
  base64Content: Buffer.from(text).toString('base64'),
  ...(executable ? { executable } : {}),
});
