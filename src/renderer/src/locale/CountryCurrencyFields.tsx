import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, currencyName, isKnownCountry } from '../../../shared/locale/countries';
import { currencyOfCountry } from '../../../shared/locale/currencies';
import { Field } from '../components/Field';
import type { FieldErrors } from '../forms/fieldErrors';
import { OptionCombobox } from './OptionCombobox';
import { countryOptions, currencyOptions } from './options';

interface CountryCurrencyFieldsProps {
  idPrefix: string;
  country: string;
  currency: string;
  /** A country guessed (from the laptop's region), offered beside an empty field, never filled in. */
  proposedCountry?: string;
  errors: FieldErrors;
  onChange: (next: { country?: string; currency?: string }) => void;
}

/**
 * The chapter's country and currency as pickers named in the UI language. Choosing a country
 * proposes its currency: it fills the currency while that is empty or still the previous
 * country's, and says so; a currency chosen by hand stays.
 */
export function CountryCurrencyFields({
  idPrefix,
  country,
  currency,
  proposedCountry = '',
  errors,
  onChange,
}: CountryCurrencyFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const countries = useMemo(() => countryOptions(language), [language]);
  const currencies = useMemo(() => currencyOptions(language, currency), [language, currency]);
  const proposal =
    country === '' && proposedCountry && isKnownCountry(proposedCountry) ? proposedCountry : null;
  const countryCurrency = country ? currencyOfCountry(country) : null;

  const chooseCountry = (next: string) => {
    const proposed = next ? currencyOfCountry(next) : null;
    const following = currency === '' || currency === countryCurrency;
    onChange(proposed && following ? { country: next, currency: proposed } : { country: next });
  };

  return (
    <>
      <Field
        id={`${idPrefix}-country`}
        name="country"
        label={t('pickers.country')}
        error={errors.country}
        hint={proposal ? undefined : t('pickers.countryHint')}
      >
        {(control) => (
          <OptionCombobox
            control={control}
            options={countries}
            value={country}
            onChange={chooseCountry}
            autoComplete="country"
          />
        )}
      </Field>
      {proposal && (
        <p className="field__hint" data-testid="country-proposal">
          {t('pickers.countryProposal', { country: countryName(proposal, language) })}{' '}
          <button type="button" className="link-button" onClick={() => chooseCountry(proposal)}>
            {t('pickers.useCountry', { country: countryName(proposal, language) })}
          </button>
        </p>
      )}
      <Field
        id={`${idPrefix}-currency`}
        name="currency"
        label={t('pickers.currency')}
        error={errors.currency}
        hint={
          country && currency && currency === countryCurrency
            ? t('pickers.currencyProposed', {
                currency: currencyName(currency, language),
                country: countryName(country, language),
              })
            : undefined
        }
      >
        {(control) => (
          <OptionCombobox
            control={control}
            options={currencies}
            value={currency}
            onChange={(next) => onChange({ currency: next })}
          />
        )}
      </Field>
    </>
  );
}
