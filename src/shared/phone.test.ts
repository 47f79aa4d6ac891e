import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone';

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
