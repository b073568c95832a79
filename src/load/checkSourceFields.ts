// Format checks for the fields of a sources.csv row. Each returns the
// message to report, or undefined when the value is fine.
import * as messages from '../messages.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Ids are typed by hand in every data row: keep them short and unambiguous. */
export function checkSourceId(id: string): string | undefined {
  return SLUG.test(id) ? undefined : messages.load.badSourceId(id);
}

/**
 * A date to the precision known (`2024`, `2024-04`, `2024-04-12`), checked
 * for a real month and day so `2024-02-30` is caught before it is printed.
 */
export function checkIsoDate(name: string, value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month = 1, day = 1] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
    const date = new Date(Date.UTC(year!, month - 1, day));
    if (month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return undefined;
    }
  }
  return messages.load.badDate(name, value);
}

/** Readers must be able to follow the link: only absolute http(s) addresses. */
export function checkUrl(value: string): string | undefined {
  if (!/^https?:\/\/\S+$/i.test(value) || !URL.canParse(value)) return messages.load.badUrl(value);
  // `https://www.reuters.com@evil.example/` reads as Reuters but leads to evil.example (WHATWG URL: the part before "@" is a user name).
  const url = new URL(value);
  if (url.username || url.password) return messages.load.urlWithUser(value, url.hostname);
  return undefined;
}
