import type { OperationInput, OperationResult } from '../../src/shared/api';
import type { OperationName } from '../../src/shared/operations';
import { dispatch } from '../../src/main/api/dispatch';
import { statement } from '../../src/main/db/statements';
import { openTestChapter, type TestChapter } from './chapter';

export type PrintOperation = Extract<OperationName, `print.${string}`>;

export interface PrintChapter extends TestChapter {
  /** A print operation's data, through the same validation (and defaults) as the app's requests. */
  print<K extends PrintOperation>(operation: K, input: OperationInput<K>): Promise<OperationResult<K>>;
  /** A meeting with a guest, an AGM (its sign-in sheet shows each member's status), a training. */
  meeting: string;
  agm: string;
  training: string;
  /** Awa Diop's mobile-money payment, receipt K3M-000001. */
  paymentId: string;
}

/** The chapter's clock: a Sunday in March, 10:00 in Dakar. Every "today" printed is this day. */
export const PRINT_CHAPTER_NOW = '2026-03-15T10:00:00Z';

const MEMBERS = [
  // number, first name, last name, city, phone, paid through (null: never paid)
  ['1001', 'Awa', 'Diop', 'Dakar', '+221 77 123 45 67', null],
  ['1002', 'Fatou', 'Ndiaye', 'Thiès', '+221 76 555 01 02', '2026-04-02'],
  ['1003', 'Moussa', 'Sow', 'Dakar', '+221 70 400 11 22', '2026-03-01'],
  ['1004', 'Hélène', 'Dubois', 'Saint-Louis', '+33 6 12 34 56 78', '2025-01-31'],
  ['1005', 'فاطمة', 'الزهراء', 'Dakar', '+221 78 900 12 34', '2026-12-31'],
  ['1006', '小明', '王', 'Dakar', '+86 138 0013 8000', '2026-03-20'],
  ['1007', 'Пётр', 'Иванов', 'Rufisque', null, '2025-06-30'],
  ['1008', 'अनीता', 'शर्मा', 'Thiès', '+221 77 800 90 10', null],
  ['1009', 'Ngozi', 'Okafor-Adebayo', 'Dakar', '+234 803 123 4567', '2027-01-31'],
  ['1010', 'Émile', 'Zongo', 'Mbour', null, '2026-03-10'],
] as const;

/** Postal addresses for the labels: in the chapter's country, and one abroad (its country is printed). */
const ADDRESSES: Record<string, { addressLine1: string; postalCode?: string; country?: string }> = {
  '1001': { addressLine1: 'Rue 10 x Avenue Lamine Guèye', postalCode: '10200' },
  '1002': { addressLine1: 'Quartier Grand Thiès, villa 14', postalCode: '21000' },
  '1004': { addressLine1: '8 rue des Lilas', postalCode: '97200', country: 'FR' },
  '1005': {
    addressLine1: 'Cité Keur Gorgui, immeuble B, appartement 12, deuxième étage',
    postalCode: '10700',
  },
  '1006': { addressLine1: 'Sicap Liberté 6, 4521' },
  '1009': { addressLine1: 'Point E, rue de Fatick' },
};

/**
 * A chapter whose printed documents are the same on every run: a fixed clock and time zone,
 * member numbers and a receipt prefix given rather than drawn, and names in Latin (with accents),
 * Arabic, Chinese, Cyrillic and Devanagari. The ids that are random print nowhere.
 */
export function openPrintChapter(): PrintChapter {
  const chapter = openTestChapter({ at: PRINT_CHAPTER_NOW, setup: false });
  const { handlers, db } = chapter;
  handlers['chapter.setup']({
    name: 'Dakar Plateau',
    country: 'SN',
    currency: 'XOF',
    officerName: 'Aminata Fall',
    locale: 'en',
    timeZone: 'Africa/Dakar',
    createDefaultTypes: true,
  });
  // Drawn at random on the first receipt otherwise, and a receipt prints its number.
  statement(db, `UPDATE device SET receipt_prefix = 'K3M' WHERE singleton = 1`).run();
  const type = handlers['membershipTypes.create']({
    name: 'Membre',
    fee: '5000',
    currency: 'XOF',
    periodMonths: 12,
  });
  const ids = new Map<string, string>();
  for (const [memberNumber, firstName, lastName, city, phone, paidThrough] of MEMBERS) {
    const member = handlers['members.create']({
      memberNumber,
      firstName,
      lastName,
      city,
      typeId: type.id,
      ...(phone ? { phone } : {}),
      ...(paidThrough ? { paidThrough } : {}),
      ...ADDRESSES[memberNumber],
    });
    ids.set(memberNumber, member.id);
  }
  const id = (memberNumber: string) => ids.get(memberNumber)!;

  const payment = handlers['payments.record']({
    memberId: id('1001'),
    amount: '5000',
    method: 'mobile-money',
    reference: 'OM-2026-0042',
    paidOn: '2026-03-14',
  });

  const event = (title: string, kind: 'meeting' | 'agm' | 'training', day: string, venue: string) =>
    handlers['events.create']({
      title,
      kind,
      startsAt: `${day}T10:00`,
      endsAt: `${day}T13:00`,
      venue,
    }).id;
  const meeting = event('Monthly meeting', 'meeting', '2026-03-20', 'Maison des jeunes, Médina');
  const agm = event('Annual general meeting 2026', 'agm', '2026-03-28', 'Salle des fêtes, Plateau');
  const training = event('First aid', 'training', '2026-03-14', 'Croix-Rouge, Dakar');
  for (const number of ['1001', '1005', '1006', '1009']) {
    handlers['events.register']({ eventId: meeting, memberId: id(number) });
  }
  handlers['events.register']({ eventId: meeting, guestName: 'Ibrahima Ba' });
  for (const number of ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008']) {
    handlers['events.register']({ eventId: agm, memberId: id(number) });
  }
  for (const number of ['1002', '1005', '1006', '1008']) {
    const { attendee } = handlers['events.checkIn']({ eventId: training, memberId: id(number) });
    handlers['events.setCompleted']({ eventId: training, attendeeId: attendee.id, completed: true });
  }

  return {
    ...chapter,
    meeting,
    agm,
    training,
    paymentId: payment.id,
    async print(operation, input) {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
      return result.value as OperationResult<typeof operation>;
    },
  };
}
