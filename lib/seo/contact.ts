import type { SiteSettings } from '../validation/settings';

// The settings hold each contact line as the footer shows it ("Điện thoại:
// 0214 3 840 888"); structured data wants the bare value, or nothing when
// the line holds none.

/** The text after a leading label ("Địa chỉ: …" → "…"); a label has no digit and no @, so "08:30" or an address stays whole. */
export function withoutLabel(line: string): string {
  const match = /^([^:\d@]{1,40}):\s*(.*)$/su.exec(line.trim());
  return (match ? match[2]! : line).trim();
}

export function emailIn(line: string): string | undefined {
  return /[^\s@:<>(),;]+@[^\s@:<>(),;]+\.[a-z]{2,}/iu.exec(line)?.[0];
}

/** The first phone number in a line, Vietnamese national numbers (0…) written with the +84 country code. */
export function telephoneIn(line: string): string | undefined {
  const found = /\+?\d[\d .-]{4,}\d/u.exec(withoutLabel(line))?.[0].replace(/\s+/gu, ' ');
  if (!found) return undefined;
  return /^0[1-9]/u.test(found) ? `+84 ${found.slice(1)}` : found;
}

export type ContactDetails = { email?: string; telephone?: string; address?: string; agency?: string };

export function contactDetails(contact: SiteSettings['contact']): ContactDetails {
  return {
    email: emailIn(contact.email),
    telephone: telephoneIn(contact.phone),
    address: withoutLabel(contact.address) || undefined,
    agency: withoutLabel(contact.agency) || undefined,
  };
}
