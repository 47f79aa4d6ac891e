import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStatement, statementKey, StatementReadError, type StatementLine } from './read';

const dir = fileURLToPath(new URL('../../../../../tests/fixtures/statements', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const csv = (text: string): Uint8Array => new TextEncoder().encode(text);
const kenya = { currency: 'KES', country: 'KE' };

function byRow(lines: StatementLine[]): Map<number, StatementLine> {
  return new Map(lines.map((line) => [line.rowNumber, line]));
}

describe('M-Pesa organisation portal statement', () => {
  it('finds the header below the preamble and reads every line', async () => {
    const statement = await readStatement(fixture('mpesa.csv'), { fileName: 'mpesa.csv', ...kenya });
    expect(statement.provider).toBe('mpesa');
    expect(statement.headers[0]).toBe('Receipt No.');
    expect(statement.headers).toContain('A/C No.');
    // Rows 1-3 are the preamble, 4 is blank, 5 the header.
    expect(statement.lines.map((l) => l.rowNumber)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(statement.lines.every((l) => l.method === 'mobile-money' && l.currency === 'KES')).toBe(true);

    const rows = byRow(statement.lines);
    expect(rows.get(6)).toEqual({
      rowNumber: 6,
      reference: 'SC51ABC123',
      paidOn: '2024-03-05',
      amountMinor: 150_000,
      currency: 'KES',
      incoming: true,
      completed: true,
      status: 'Completed',
      method: 'mobile-money',
      account: '42',
      memberNumber: null,
      email: null,
      phone: '254712345678',
      payer: 'JOHN DOE',
      details: 'Pay Bill Online from 254712345678 - JOHN DOE Acc. 42',
      problem: null,
    });
    expect(rows.get(7)).toMatchObject({
      paidOn: '2024-03-05', // written 05-03-2024 16:01:45
      amountMinor: 200_000,
      phone: '2547******678',
      payer: 'MARY WANJIKU',
      account: '#17',
    });
    expect(rows.get(11)).toMatchObject({ paidOn: '2024-03-07', amountMinor: 75_050, payer: 'Peter Otieno' });
  });

  it('flags failed, reversed and outgoing lines', async () => {
    const rows = byRow((await readStatement(fixture('mpesa.csv'), kenya)).lines);
    // The failed line has no completion time: its initiation time dates it.
    expect(rows.get(8)).toMatchObject({
      status: 'Failed',
      completed: false,
      incoming: true,
      paidOn: '2024-03-06',
    });
    expect(rows.get(9)).toMatchObject({ status: 'Reversed', completed: false, incoming: true });
    expect(rows.get(10)).toMatchObject({
      reference: 'SC61CHG003',
      completed: true,
      incoming: false,
      amountMinor: 3_000,
      details: 'Business Pay Bill Charge',
      problem: null,
    });
    for (const row of [6, 7, 11]) expect(rows.get(row)).toMatchObject({ completed: true, incoming: true });
  });

  it('reads the same statement saved as .xlsx: numbers, date cells and serial dates', async () => {
    const fromCsv = (await readStatement(fixture('mpesa.csv'), kenya)).lines;
    const statement = await readStatement(fixture('mpesa.xlsx'), { fileName: 'mpesa.xlsx', ...kenya });
    expect(statement.provider).toBe('mpesa');
    const pick = (l: StatementLine) => ({
      rowNumber: l.rowNumber,
      reference: l.reference,
      amountMinor: l.amountMinor,
      incoming: l.incoming,
      completed: l.completed,
      account: l.account,
      phone: l.phone,
      payer: l.payer,
      problem: l.problem,
    });
    expect(statement.lines.map(pick)).toEqual(fromCsv.map(pick));
    const rows = byRow(statement.lines);
    expect(rows.get(6)?.paidOn).toBe('2024-03-05');
    expect(rows.get(10)?.paidOn).toBe('2024-03-06');
    expect(rows.get(11)?.paidOn).toBe('2024-03-07'); // the bare serial 45358.6
  });

  it('finds the header when the preamble looks like a header to the member import', async () => {
    const text = [
      'Name,Email',
      'ChapterDesk Mombasa,treasurer@example.org',
      'Receipt No.,Completion Time,Transaction Status,Paid In,Withdrawn,Other Party Info',
      'SC1,2024-03-05 10:00:00,Completed,"1,000.00",,254712345678 - JOHN DOE',
    ].join('\n');
    const statement = await readStatement(csv(text), kenya);
    expect(statement.provider).toBe('mpesa');
    expect(statement.lines).toHaveLength(1);
    expect(statement.lines[0]).toMatchObject({ rowNumber: 4, reference: 'SC1', amountMinor: 100_000 });
  });
});

describe('bank statement', () => {
  it('reads a French export: Latin-1, semicolons, comma decimals, debit and credit columns', async () => {
    const statement = await readStatement(fixture('bank-fr.csv'), { currency: 'EUR', country: 'FR' });
    expect(statement.provider).toBe('bank');
    expect(statement.headers).toEqual(['Date', 'Date valeur', 'Libellé', 'Référence', 'Débit', 'Crédit']);
    const rows = byRow(statement.lines);
    expect([...rows.keys()]).toEqual([4, 5, 6, 7]);
    expect(rows.get(4)).toMatchObject({
      paidOn: '2024-03-05',
      amountMinor: 4_500,
      currency: 'EUR',
      incoming: true,
      completed: true,
      reference: 'VIR0001',
      method: 'bank-transfer',
      details: 'VIR SEPA RECU DE M JEAN DUPONT COTISATION',
      payer: 'VIR SEPA RECU DE M JEAN DUPONT COTISATION',
    });
    expect(rows.get(5)).toMatchObject({ amountMinor: 350, incoming: false });
    expect(rows.get(6)).toMatchObject({ paidOn: '2024-03-07', amountMinor: 120_000, incoming: true });
    expect(rows.get(6)?.details).toBe('VIR INST HÉLÈNE DUPRÉ');
    expect(rows.get(7)).toMatchObject({ amountMinor: 12_000, incoming: false });
  });

  it('reads one signed amount column in Spanish: negatives and brackets are money out', async () => {
    const text = [
      'Fecha;Concepto;Referencia;Importe (EUR)',
      '05/03/2024;TRANSFERENCIA DE ANA GARCÍA;R1;30,00',
      '06/03/2024;COMISIÓN;R2;-2,50',
      '07/03/2024;RECIBO;R3;(12,00)',
    ].join('\r\n');
    const statement = await readStatement(csv(text), { currency: 'EUR', country: 'ES' });
    expect(statement.provider).toBe('bank');
    expect(statement.lines.map((l) => [l.rowNumber, l.amountMinor, l.incoming])).toEqual([
      [2, 3_000, true],
      [3, 250, false],
      [4, 1_200, false],
    ]);
    expect(statement.lines[0]?.payer).toBe('TRANSFERENCIA DE ANA GARCÍA');
  });
});

describe('past-payments spreadsheet', () => {
  it('reads member numbers, emails, methods and statuses, in a currency without minor unit', async () => {
    const statement = await readStatement(fixture('past-payments.csv'), { currency: 'XOF', country: 'SN' });
    expect(statement.provider).toBe('payments');
    const rows = byRow(statement.lines);
    expect(rows.get(2)).toEqual({
      rowNumber: 2,
      reference: 'REC-001',
      paidOn: '2024-01-15',
      amountMinor: 5_000, // "5 000" francs CFA: XOF has no minor unit
      currency: 'XOF',
      incoming: true,
      completed: true,
      status: 'Payé',
      method: 'cash',
      account: null,
      memberNumber: '0042',
      email: 'awa@example.org',
      phone: '77 123 45 67',
      payer: 'Awa Diop',
      details: null,
      problem: null,
    });
    // No status, no currency: completed, in the chapter's currency.
    expect(rows.get(3)).toMatchObject({
      amountMinor: 10_000,
      currency: 'XOF',
      completed: true,
      method: 'mobile-money',
    });
    expect(rows.get(4)).toMatchObject({ status: 'Annulé', completed: false, method: 'bank-transfer' });
    expect(rows.get(6)).toMatchObject({ status: 'Refunded', completed: false, method: 'mobile-money' });
  });

  it('names the field and the row of what cannot be read', async () => {
    const rows = byRow(
      (await readStatement(fixture('past-payments.csv'), { currency: 'XOF', country: 'SN' })).lines,
    );
    const amount = rows.get(5);
    expect(amount?.amountMinor).toBeNull();
    expect(amount?.problem?.field).toBe('amountMinor');
    expect(amount?.problem?.message).toMatch(/Row 5/);
    expect(amount?.problem?.message).toMatch(/“abc”.*“Amount”/);
    const date = rows.get(6);
    expect(date?.paidOn).toBeNull();
    expect(date?.problem).toEqual({
      field: 'paidOn',
      message: 'Row 6: “31/02/2024” in “Date” is not a date.',
    });
  });

  it('understands French headers, first and last name columns and currency words', async () => {
    const text = [
      'N° adhérent;Prénom;Nom;Courriel;Montant;Devise;Date;Mode de paiement;Statut',
      '12;Hélène;Dupré;helene@example.org;25,50;€;03/04/2024;Chèque;payé',
      '13;Paul;Martin;;10;FCFA;04/04/2024;;en attente',
      '14;Zoé;Leroy;;10;dollars;05/04/2024;;',
    ].join('\n');
    const statement = await readStatement(csv(text), { currency: 'XOF', country: 'FR' });
    expect(statement.provider).toBe('payments');
    const [first, second, third] = statement.lines;
    expect(first).toMatchObject({
      memberNumber: '12',
      payer: 'Hélène Dupré',
      email: 'helene@example.org',
      currency: 'EUR',
      amountMinor: 2_550,
      paidOn: '2024-04-03',
      method: 'other',
      completed: true,
    });
    expect(second).toMatchObject({ currency: 'XOF', amountMinor: 10, method: null, completed: false });
    expect(third?.problem?.field).toBe('currency');
    expect(third?.problem?.message).toMatch(/Row 4: “dollars” in “Devise”/);
  });
});

describe('generic statement', () => {
  it('skips a header row repeated further down (statements pasted one after the other)', async () => {
    const text = 'Date,Amount\n05/03/2024,100\nDate,Amount\n06/03/2024,200\n';
    const statement = await readStatement(csv(text), kenya);
    expect(statement.lines.map((l) => [l.rowNumber, l.amountMinor])).toEqual([
      [2, 10_000],
      [4, 20_000],
    ]);
  });

  it('reads day/month order from the country unless told otherwise', async () => {
    const text = 'Date,Amount\n03/04/2024,1500\n04/05/2024,-200\n';
    const us = await readStatement(csv(text), { currency: 'KES', country: 'US' });
    expect(us.provider).toBe('generic');
    expect(us.lines.map((l) => [l.paidOn, l.amountMinor, l.incoming, l.method])).toEqual([
      ['2024-03-04', 150_000, true, null],
      ['2024-04-05', 20_000, false, null],
    ]);
    const told = await readStatement(csv(text), { currency: 'KES', country: 'US', dateOrder: 'dmy' });
    expect(told.lines[0]?.paidOn).toBe('2024-04-03');
  });

  it('reports a line without an amount or a date', async () => {
    const text = 'Date,Amount\n,1500\n05/03/2024,\n';
    const [noDate, noAmount] = (await readStatement(csv(text), kenya)).lines;
    expect(noDate?.problem).toEqual({ field: 'paidOn', message: 'Row 2: there is no date in “Date”.' });
    expect(noAmount?.problem).toEqual({
      field: 'amountMinor',
      message: 'Row 3: there is no amount in “Amount”.',
    });
  });
});

describe('not a statement', () => {
  it('refuses a members spreadsheet: no amount column', async () => {
    const text = 'First name,Last name,Email,Phone\nAwa,Diop,awa@example.org,771234567\n';
    const reading = readStatement(csv(text), { currency: 'XOF', country: 'SN' });
    await expect(reading).rejects.toBeInstanceOf(StatementReadError);
    await expect(reading).rejects.toThrow(
      /does not look like a payment statement: no amount column was found/,
    );
  });

  it('refuses amounts without a date column', async () => {
    const reading = readStatement(csv('Member number,Amount\n12,500\n'), kenya);
    await expect(reading).rejects.toThrow(/no date column/);
  });
});

describe('statementKey', () => {
  it('is the same for the same headers written differently, and differs otherwise', () => {
    const key = statementKey(['Receipt No.', 'Completion Time', 'Paid In']);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(statementKey(['RECEIPT NO', ' completion  time', 'Paid in', ''])).toBe(key);
    expect(statementKey(['Receipt No.', 'Paid In', 'Completion Time'])).not.toBe(key);
  });
});
