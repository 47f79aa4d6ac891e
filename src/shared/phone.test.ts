import { describe, expect, it } from 'vitest';
import { displayPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it('reads a national number with the chapter country and keeps what was typed', () => {
    expect(normalisePhone(' 06 12 34 56 78 ', 'FR')).toEqual({ raw: '06 12 34 56 78', e164: '+33612345678' });
    expect(normalisePhone('0712 345678', 'KE')).toEqual({ raw: '0712 345678', e164: '+254712345678' });
  });

  it('gives no E.164 form for a number that is not valid, also once a valid one was seen', () => {
    expect(normalisePhone('+33612345678', null).e164).toBe('+33612345678');
    expect(normalisePhone('+3361234', null)).toEqual({ raw: '+3361234', e164: null });
    expect(normalisePhone('12', 'FR').e164).toBeNull();
    expect(normalisePhone('   ', 'FR')).toEqual({ raw: '', e164: null });
  });

  it('answers the same for an E.164 number whatever the default country, the second time too', () => {
    const first = normalisePhone('+254712345678', 'FR');
    expect(normalisePhone('+254712345678', 'BR')).toEqual(first);
    expect(first.e164).toBe('+254712345678');
  });
});

describe('displayPhone', () => {
  it('shows a number of the chapter’s country in its national format, any other in international format', () => {
    const french = { phone: '06 12 34 56 78', phoneE164: '+33612345678' };
    const kenyan = { phone: '+254712345678', phoneE164: '+254712345678' };
    expect(displayPhone(french, 'FR')).toBe('06 12 34 56 78');
    expect(displayPhone(kenyan, 'fr')).toBe('+254 712 345678');
    expect(displayPhone(kenyan, 'KE')).toBe('0712 345678');
    expect(displayPhone(french, null)).toBe('+33 6 12 34 56 78');
    // +1 is shared: a Canadian number in a US chapter is a foreign one.
    expect(displayPhone({ phone: '', phoneE164: '+14165550123' }, 'US')).toBe('+1 416 555 0123');
  });

  it('shows a number that was not valid as it was typed, and nothing for none', () => {
    expect(displayPhone({ phone: 'ask at the shop', phoneE164: null }, 'KE')).toBe('ask at the shop');
    expect(displayPhone({ phone: null, phoneE164: null }, 'KE')).toBe('');
  });
});
