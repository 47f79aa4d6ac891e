import type { OperationInput } from '../../../shared/api';
import {
  certificatesParts,
  duesListParts,
  receiptParts,
  rosterParts,
  signInParts,
  ROSTER_COLUMNS,
  type RosterColumn,
} from '../../../shared/print/documents';
import { addressLabelsParts } from '../../../shared/print/addressLabels';
import { cardsParts } from '../../../shared/print/cards';
import { applicationFormParts } from '../../../shared/print/form';
import { personDataParts } from '../../../shared/print/personData';
import type { PageOptions, PaperSize, PrintParts } from '../../../shared/print/html';
import type { PrintLanguage } from '../../../shared/print/labels';
import type { SheetPlacement } from '../../../shared/print/sheetPage';
import type { SheetKind } from '../../../shared/print/sheets';
import { api } from '../api/client';

/** What a Print button asks for: the document and what picks its data, never the data itself. */
export type PrintRequest =
  | {
      kind: 'roster';
      /** The members screen's search, filters and order, as its list and export use them. */
      filters: Omit<OperationInput<'print.roster'>, 'columns' | 'lang'>;
      /** The columns the members screen shows, which the dialog starts with. */
      columns: readonly RosterColumn[];
    }
  | { kind: 'dues' }
  | { kind: 'receipt'; paymentId: string; receiptNumber: string }
  | { kind: 'signIn'; eventId: string }
  | { kind: 'certificates'; eventId: string }
  /** Labels and cards print the members screen's members, as the roster does. */
  | { kind: 'labels'; filters: Omit<OperationInput<'print.labels'>, 'lang'> }
  | { kind: 'cards'; filters: Omit<OperationInput<'print.cards'>, 'lang'> }
  | { kind: 'form' }
  /** Everything stored about one person, for their request to see it. */
  | { kind: 'personData'; memberId: string };

export type PrintKind = PrintRequest['kind'];

/** What the secretary can change in the dialog without asking for the data again. */
export interface LocalOptions {
  columns: readonly RosterColumn[];
  blankRows: number;
  /** The sheet, first position and printer offset of labels and cards. */
  placement: SheetPlacement;
}

/** A document whose data has arrived: it builds its parts for any page and local options. */
export interface LoadedDocument {
  parts: (page: PageOptions, options: LocalOptions) => PrintParts;
  /** False when there is nothing to print (a training nobody has completed yet, no address). */
  printable: boolean;
  /** Members left off address labels for want of a postal address. */
  skipped: number;
}

export const DEFAULT_BLANK_ROWS = 10;
export const MAX_BLANK_ROWS = 500;

/** Receipts are small; everything else is a list on a full sheet. */
export function papersFor(kind: PrintKind): readonly PaperSize[] {
  return kind === 'receipt' ? ['a4', 'letter', 'a5'] : ['a4', 'letter'];
}

/** Labels and cards print on sheets of their own, which decide the paper and the orientation. */
export function sheetKind(kind: PrintKind): SheetKind | null {
  return kind === 'labels' || kind === 'cards' ? kind : null;
}

/** A roster of many columns reads better across the sheet. */
export function defaultLandscape(request: PrintRequest): boolean {
  return request.kind === 'roster' && request.columns.length > 5;
}

/**
 * Fetches the document's data in one language (the data holds words of that language: the filter,
 * the event's date, the amount in words) and returns what builds it.
 */
export async function loadDocument(request: PrintRequest, lang: PrintLanguage): Promise<LoadedDocument> {
  switch (request.kind) {
    case 'roster': {
      const data = await api.call('print.roster', {
        ...request.filters,
        columns: request.columns.length > 0 ? [...request.columns] : undefined,
        lang,
      });
      return {
        printable: true,
        skipped: 0,
        // The rows carry every column, so choosing columns needs no new request.
        parts: (page, { columns }) =>
          rosterParts({ ...data, columns: ROSTER_COLUMNS.filter((c) => columns.includes(c)) }, page),
      };
    }
    case 'dues': {
      const data = await api.call('print.dues', { lang });
      return { printable: true, skipped: 0, parts: (page) => duesListParts(data, page) };
    }
    case 'receipt': {
      const data = await api.call('print.receipt', { paymentId: request.paymentId, lang });
      return { printable: true, skipped: 0, parts: (page) => receiptParts(data, page) };
    }
    case 'signIn': {
      const data = await api.call('print.signIn', {
        eventId: request.eventId,
        blankRows: DEFAULT_BLANK_ROWS,
        lang,
      });
      return {
        printable: true,
        skipped: 0,
        parts: (page, { blankRows }) => signInParts({ ...data, blankRows }, page),
      };
    }
    case 'certificates': {
      const data = await api.call('print.certificates', { eventId: request.eventId, lang });
      return {
        printable: data.people.length > 0,
        skipped: 0,
        parts: (page) => certificatesParts(data, page),
      };
    }
    case 'labels': {
      const data = await api.call('print.labels', { ...request.filters, lang });
      return {
        printable: data.labels.length > 0,
        skipped: data.skipped,
        parts: (page, { placement }) => addressLabelsParts(data, page, placement),
      };
    }
    case 'cards': {
      const data = await api.call('print.cards', { ...request.filters, lang });
      return {
        printable: data.cards.length > 0,
        skipped: 0,
        parts: (page, { placement }) => cardsParts(data, page, placement),
      };
    }
    case 'form': {
      const data = await api.call('print.form');
      return { printable: true, skipped: 0, parts: (page) => applicationFormParts(data, page) };
    }
    case 'personData': {
      const data = await api.call('print.personData', { memberId: request.memberId });
      return { printable: true, skipped: 0, parts: (page) => personDataParts(data, page) };
    }
  }
}
