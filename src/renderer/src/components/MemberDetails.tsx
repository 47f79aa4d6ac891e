import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/domain';
import { displayPhone } from '../../../shared/phone';
import { useFormat } from '../i18n/useFormat';
import { EraseMember } from './EraseMember';

interface MemberDetailsProps {
  member: Member;
  /** Phones of this country show in its national format, others in international format. */
  chapterCountry: string;
  /** Offers "Erase…" under the details; called once the member is erased for good. */
  onErased?: (name: string) => void;
}

export function MemberDetails({ member, chapterCountry, onErased }: MemberDetailsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const phone = displayPhone(member, chapterCountry);
  const address = [
    member.addressLine1,
    member.addressLine2,
    [member.postalCode, member.city].filter(Boolean).join(' '),
    member.region,
  ].filter((line): line is string => Boolean(line));

  const rows: [label: string, value: ReactNode][] = [
    [t('fields.typeId'), member.typeName],
    [t('fields.memberNumber'), member.memberNumber],
    [t('fields.email'), member.email && <bdi>{member.email}</bdi>],
    [
      t('fields.phone'),
      phone && (
        <bdi dir="ltr" data-testid="member-phone">
          {phone}
        </bdi>
      ),
    ],
    [t('fields.address'), address.length > 0 && <span className="details__notes">{address.join('\n')}</span>],
    [t('fields.country'), member.country],
    [t('fields.organisation'), member.organisation],
    [t('fields.joinedOn'), member.joinedOn && format.date(member.joinedOn)],
    [t('fields.consentEmail'), yesNo(member.consentEmail)],
    [t('fields.consentSms'), yesNo(member.consentSms)],
    [t('fields.notes'), member.notes && <span className="details__notes">{member.notes}</span>],
  ];

  return (
    <>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} className="details__row">
            <dt>{label}</dt>
            <dd>{value || t('common.none')}</dd>
          </div>
        ))}
      </dl>
      {onErased && <EraseMember member={member} onErased={onErased} />}
    </>
  );
}
