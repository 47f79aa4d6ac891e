import type { TFunction } from 'i18next';
import type { ImportProblemGroup, ImportProblemRow } from '../../../shared/imports';

/** What a group's rows have in common, in the user's language, from its code and params. */
export function problemText(group: Pick<ImportProblemGroup, 'code' | 'params'>, t: TFunction): string {
  const { code, params } = group;
  switch (code) {
    case 'invalid_date':
      return t('import.problem.invalid_date', {
        example: params.order === 'mdy' ? '03/31/2024' : '31/03/2024',
      });
    case 'wrong_order':
      return t('import.problem.wrong_order', {
        order: t(params.order === 'mdy' ? 'import.dates.orders.mdy' : 'import.dates.orders.dmy'),
      });
    case 'phone_not_recognised':
      return params.country
        ? t('import.problem.phone_not_recognised_country', { country: params.country })
        : t('import.problem.phone_not_recognised');
    case 'merge_conflict':
      return t(
        params.by === 'email'
          ? 'import.problem.merge_conflict_email'
          : 'import.problem.merge_conflict_memberNumber',
      );
    case 'too_long':
    case 'notes_shortened':
      return t(`import.problem.${code}`, { max: params.max });
    case 'unknown_type':
      return t('import.problem.unknown_type', { type: params.type });
    case 'retired_type':
      return t('import.problem.retired_type', { type: params.type, name: params.name });
    case 'custom_number_invalid':
    case 'custom_date_invalid':
    case 'custom_yesno_invalid':
    case 'custom_choice_unknown':
    case 'custom_too_long':
      return t(`import.problem.${code}`, { label: params.label, max: params.max });
    default:
      return t(`import.problem.${code}`);
  }
}

/** ", Email (column “Courriel”)": the field and, when the file calls it otherwise, its column. */
function where(group: Pick<ImportProblemGroup, 'field' | 'column'>, t: TFunction): string {
  if (!group.field) return '';
  const field = t(`import.fields.${group.field}`);
  return group.column
    ? t('import.problems.whereColumn', { field, column: group.column })
    : t('import.problems.where', { field });
}

/**
 * The group in one sentence: "Row 6, Email: not a valid email address (“paul@”)" for one row,
 * "12 rows, Membership type: no membership type called “Étudiant”…" for several.
 */
export function groupSummary(
  group: ImportProblemGroup,
  t: TFunction,
  formatNumber: (n: number) => string,
): string {
  const problem = problemText(group, t);
  const first = group.rows[0];
  if (group.count === 1 && first) {
    if (first.earlierRow !== undefined) {
      return t('import.problems.singleReplaced', {
        row: first.row,
        where: where(group, t),
        problem,
        value: first.value,
        replaced: first.replaced ?? '',
        earlierRow: first.earlierRow,
      });
    }
    return first.value
      ? t('import.problems.singleValue', {
          row: first.row,
          where: where(group, t),
          problem,
          value: first.value,
        })
      : t('import.problems.single', { row: first.row, where: where(group, t), problem });
  }
  return t('import.problems.group', {
    count: group.count,
    number: formatNumber(group.count),
    where: where(group, t),
    problem,
  });
}

/** One row of a group: its number, and its value when it has one. */
export function rowText(row: ImportProblemRow, t: TFunction): string {
  if (row.earlierRow !== undefined) {
    return t('import.problems.rowReplaced', {
      row: row.row,
      value: row.value,
      replaced: row.replaced ?? '',
      earlierRow: row.earlierRow,
    });
  }
  return row.value
    ? t('import.problems.rowValue', { row: row.row, value: row.value })
    : t('import.problems.row', { row: row.row });
}
