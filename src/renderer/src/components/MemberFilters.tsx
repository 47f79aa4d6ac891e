import { useTranslation } from 'react-i18next';
import { MEMBER_STATUSES, type MembershipType } from '../../../shared/domain';
import type { MemberListState } from '../screens/memberListState';
import { CustomFieldFilter } from '../customFields/CustomFieldFilter';

interface MemberFiltersProps {
  state: MemberListState;
  onChange: (change: Partial<MemberListState>) => void;
  types: MembershipType[];
  cities: string[];
}

export function MemberFilters({ state, onChange, types, cities }: MemberFiltersProps) {
  const { t } = useTranslation();
  const filtered =
    state.status !== '' ||
    state.typeId !== '' ||
    state.city !== '' ||
    state.expiringWithinDays !== null ||
    state.owing ||
    state.deleted ||
    state.fieldId !== '';
  return (
    <div className="filters">
      <div className="field filters__search">
        <label htmlFor="member-search" className="field__label">
          {t('members.search')}
        </label>
        <input
          id="member-search"
          type="search"
          className="input"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('members.searchPlaceholder')}
          value={state.search}
          onChange={(event) => onChange({ search: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-status" className="field__label">
          {t('members.status')}
        </label>
        <select
          id="filter-status"
          className="input"
          value={state.status}
          onChange={(event) => {
            const status = MEMBER_STATUSES.find((s) => s === event.target.value) ?? '';
            onChange({ status });
          }}
        >
          <option value="">{t('members.anyStatus')}</option>
          {MEMBER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-type" className="field__label">
          {t('members.type')}
        </label>
        <select
          id="filter-type"
          className="input"
          value={state.typeId}
          onChange={(event) => onChange({ typeId: event.target.value })}
        >
          <option value="">{t('members.anyType')}</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.retired ? t('types.retiredOption', { name: type.name }) : type.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-city" className="field__label">
          {t('members.city')}
        </label>
        <select
          id="filter-city"
          className="input"
          value={state.city}
          onChange={(event) => onChange({ city: event.target.value })}
        >
          <option value="">{t('members.anyCity')}</option>
          {cities.map((city) => (
            <option key={city} value={city}>
              {city}
            </option>
          ))}
        </select>
      </div>
      <CustomFieldFilter fieldId={state.fieldId} fieldValue={state.fieldValue} onChange={onChange} />
      <label className="checkbox filters__deleted">
        <input
          type="checkbox"
          checked={state.deleted}
          onChange={(event) => onChange({ deleted: event.target.checked })}
        />
        {t('privacy.showDeleted')}
      </label>
      {state.expiringWithinDays !== null && (
        <p className="filter-chip" data-testid="expiring-filter">
          <span>{t('members.expiringFilter', { count: state.expiringWithinDays })}</span>
          <button
            type="button"
            className="filter-chip__remove"
            aria-label={t('members.removeExpiringFilter')}
            onClick={() => onChange({ expiringWithinDays: null })}
          >
            ×
          </button>
        </p>
      )}
      {state.owing && (
        <p className="filter-chip" data-testid="owing-filter">
          <span>{t('members.owingFilter')}</span>
          <button
            type="button"
            className="filter-chip__remove"
            aria-label={t('members.removeOwingFilter')}
            onClick={() => onChange({ owing: false })}
          >
            ×
          </button>
        </p>
      )}
      {filtered && (
        <button
          type="button"
          className="button button--quiet filters__clear"
          onClick={() =>
            onChange({
              status: '',
              typeId: '',
              city: '',
              expiringWithinDays: null,
              owing: false,
              deleted: false,
              fieldId: '',
              fieldValue: '',
            })
          }
        >
          {t('members.clearFilters')}
        </button>
      )}
    </div>
  );
}
