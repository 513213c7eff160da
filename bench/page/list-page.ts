/**
 * A generated CRM list view (Salesforce-like table) for the detector benchmarks. About ten
 * elements per row and a phone number every other row (one per ~20 elements), a quarter of them
 * as `tel:` links; every row also carries negatives the detector must read and reject: dates,
 * amounts, order and tracking numbers, ZIP codes, IBANs.
 */

/** Valid numbers for a US agent, in the formats CRMs show them. */
const PHONES = [
  '(415) 555-0123',
  '+1 415-555-0199',
  '(212) 555-0147',
  '617-555-0134',
  '+44 20 7946 0958',
  '+54 9 11 2345-6789',
  '+598 2901 2345',
  '617.555.0187',
];
const TEL = [
  '+14155550123',
  '+14155550199',
  '+12125550147',
  '+16175550134',
  '+442079460958',
  '+5491123456789',
  '+59829012345',
  '+16175550187',
];
const NAMES = ['María Gómez', 'John Smith', 'Ana Souza', 'Wei Chen', 'Olu Adeyemi', 'Eva Novak'];
const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech 2000', 'Umbrella SA', 'Hooli', 'Stark & Co'];

/** Text nodes of each kind per row, for the table in the README. */
export interface ListPage {
  rows: number;
  elements: number;
  /** Numbers placed (text and links); the expected button count. */
  phones: number;
}

function cell(label: string, text: string, wrap = true): HTMLTableCellElement {
  const td = document.createElement('td');
  td.dataset.label = label;
  if (wrap) {
    const span = document.createElement('span');
    span.textContent = text;
    td.append(span);
  } else {
    td.textContent = text;
  }
  return td;
}

/** One row; `i` picks its values so every run builds the same page. */
export function listRow(i: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  const name = document.createElement('a');
  name.href = `/lightning/r/Contact/0035g0000${String(i).padStart(9, '0')}/view`;
  name.textContent = `${NAMES[i % NAMES.length]} ${i}`;
  th.append(name);
  tr.append(th);
  tr.append(cell('Account Name', `${ACCOUNTS[i % ACCOUNTS.length]} · ${10_000 + (i % 90_000)}`));
  if (i % 2 === 0) {
    const k = (i / 2) % PHONES.length;
    if ((i / 2) % 4 === 3) {
      const td = document.createElement('td');
      td.dataset.label = 'Phone';
      const link = document.createElement('a');
      link.href = `tel:${TEL[k]}`;
      link.textContent = PHONES[k]!;
      td.append(link);
      tr.append(td);
    } else {
      tr.append(cell('Phone', PHONES[k]!));
    }
  } else {
    tr.append(cell('Email', `contact${i}@example.com`));
  }
  const day = 1 + (i % 28);
  tr.append(
    cell(
      'Created',
      `${String(day).padStart(2, '0')}/03/2024 10:${String(i % 60).padStart(2, '0')}`,
      false,
    ),
  );
  tr.append(
    cell(
      'Amount',
      `$${(1_000 + ((i * 7919) % 900_000)).toLocaleString('en-US')}.${i % 100}`,
      false,
    ),
  );
  const extra =
    i % 3 === 0
      ? `Order 10${String(i).padStart(7, '0')}`
      : i % 3 === 1
        ? `Tracking 1Z999AA1${String(i).padStart(8, '0')}`
        : `Zip 94105 · IBAN DE89 3704 0044 0532 0130 00`;
  tr.append(cell('Reference', extra, false));
  return tr;
}

/** Replaces the body with a list of about `elements` elements; returns what it built. */
export function buildListPage(elements: number): ListPage {
  document.body.replaceChildren();
  const header = document.createElement('h1');
  header.textContent = 'Contacts · Recently viewed';
  const table = document.createElement('table');
  const tbody = document.createElement('tbody');
  table.append(tbody);
  let rows = 0;
  let count = 3;
  let phones = 0;
  const fragment = document.createDocumentFragment();
  while (count < elements) {
    const row = listRow(rows);
    fragment.append(row);
    count += 1 + row.querySelectorAll('*').length;
    if (rows % 2 === 0) phones++;
    rows++;
  }
  tbody.append(fragment);
  document.body.append(header, table);
  return { rows, elements: document.body.querySelectorAll('*').length, phones };
}

/** Appends `count` rows after the existing ones (a list that loads more as it scrolls). */
export function appendRows(count: number): void {
  const tbody = document.querySelector('tbody');
  if (!tbody) throw new Error('no list');
  const start = tbody.rows.length;
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < count; i++) fragment.append(listRow(start + i));
  tbody.append(fragment);
}
