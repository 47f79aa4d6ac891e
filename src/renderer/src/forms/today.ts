/** Today's date on this laptop's calendar, in the YYYY-MM-DD form date inputs and the schemas use. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
