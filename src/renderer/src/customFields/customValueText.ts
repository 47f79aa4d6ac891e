import type { TFunction } from 'i18next';
import type { CustomFieldKind } from '../../../shared/custom-fields';
import type { Format } from '../i18n/useFormat';

/** A stored value as people read it: dates and numbers in their locale, yes and no in words. */
export function customValueText(kind: CustomFieldKind, value: string, format: Format, t: TFunction): string {
  switch (kind) {
    case 'date':
      return format.date(value);
    case 'number': {
      const number = Number(value);
      return Number.isFinite(number) ? format.number(number) : value;
    }
    case 'yesno':
      return value === 'yes' ? t('common.yes') : value === 'no' ? t('common.no') : value;
    default:
      return value;
  }
}
