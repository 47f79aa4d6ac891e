import addressFormatter from '@fragaria/address-formatter';

/**
 * A postal address as members have it: two free lines (street, building, P.O. box), postal code,
 * city, region and an ISO 3166-1 alpha-2 country.
 */
export interface PostalAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
}

/**
 * Enough to deliver: a street line and a city or a postal code. Members without one are left off
 * labels rather than printed as a name on an empty label.
 */
export function hasPostalAddress(address: PostalAddress): boolean {
  return Boolean(address.addressLine1?.trim() && (address.city?.trim() || address.postalCode?.trim()));
}

/**
 * The lines of an address label in the order and form the destination country's post expects,
 * from OpenCage's address-formatting templates (through @fragaria/address-formatter): "10115
 * Berlin" in Germany, "Springfield, IL 62701" in the United States, the postcode on its own line
 * in the United Kingdom, large to small with the name last in China. The recipient goes where the
 * country puts it. Mail to another country than the sender's ends with the country's name in
 * capitals, in the sender's language, as the Universal Postal Union asks.
 */
export function addressLines(
  recipient: string,
  address: PostalAddress,
  options: { senderCountry: string; lang: string },
): string[] {
  const country = (address.country || options.senderCountry).toUpperCase();
  const [street, below] = [address.addressLine1, address.addressLine2]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line));
  const lines = addressFormatter.format(
    {
      attention: recipient,
      road: street,
      postcode: address.postalCode?.trim() || undefined,
      city: address.city?.trim() || undefined,
      state: address.region?.trim() || undefined,
    },
    { countryCode: country, output: 'array' },
  );
  // The templates know one street line; the second goes right under the first, where a flat, a
  // building or a P.O. box is written in every country.
  if (street && below) {
    const at = lines.findIndex((line) => line !== recipient && line.includes(street));
    lines.splice(at < 0 ? lines.length : at + 1, 0, below);
  }
  if (country !== options.senderCountry.toUpperCase()) {
    const name = new Intl.DisplayNames([options.lang], { type: 'region' }).of(country) ?? country;
    lines.push(name.toLocaleUpperCase(options.lang));
  }
  return lines;
}
