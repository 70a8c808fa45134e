import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { validateGoldenPathName } from './validateName';

function check(name: string | undefined, taken: string[] = []) {
  const errors: string[] = [];
  const catalogApi = {
    getEntityByRef: async (ref: { name: string }) =>
      taken.includes(ref.name)
        ? { spec: { owner: 'group:default/team-payments' } }
        : undefined,
  };
  const apiHolder = {
    get: (ref: { id: string }) =>
      ref.id === catalogApiRef.id ? catalogApi : undefined,
  };
  return validateGoldenPathName(
    name,
    { addError: (m: string) => errors.push(m) },
    { apiHolder: apiHolder as any },
  ).then(() => errors);
}

describe('the golden-path name field', () => {
  it.each([
    ['Invoice_Exporter', 'has capital letters; use lowercase'],
    [
      'invoice_exporter',
      'has characters that are not allowed (_); use lowercase letters, digits and dashes',
    ],
    ['9lives', 'must start with a lowercase letter'],
    ['invoice--exporter', 'has two dashes in a row'],
    ['invoice-', 'ends with a dash'],
    ['a'.repeat(64), 'is 64 characters long; at most 63 are allowed'],
  ])('says what is wrong with %p', async (name, words) => {
    expect(await check(name)).toEqual([`The name "${name}" ${words}.`]);
  });

  it('says when the name is taken in the catalog', async () => {
    expect(await check('ledger-service', ['ledger-service'])).toEqual([
      'The name "ledger-service" is already taken in the catalog (owner: group:default/team-payments). Choose another name.',
    ]);
  });

  it('accepts a good, free name', async () => {
    expect(await check('invoice-exporter', ['ledger-service'])).toEqual([]);
  });
});
