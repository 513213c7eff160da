import { resolve } from 'node:path';

const FIXTURES = resolve(__dirname, '../../../fixtures/crm');

/** The fixture page of a CRM adapter: `tests/fixtures/crm/<id>.html`. */
export function fixturePath(id: string): string {
  return resolve(FIXTURES, `${id}.html`);
}
