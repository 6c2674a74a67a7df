/**
 * A ward's 問い合わせ先 as its letters print it: the section that answers questions about a survey, its
 * phone, its hours and, optionally, an e-mail address. Kept per ward in the console (each ward's staff
 * edit their own); until a ward saves one, the ward office's main line (contacts.ts) stands in.
 */
import { z } from "zod/mini";
import { contactFor, wardOfficeHours } from "./contacts";

const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const LetterContactInput = z.object({
  /** e.g. 「北区役所 政策推進課（区民意識調査担当）」 */
  section: line(100),
  /** As dialled in Japan: digits and hyphens, e.g. 06-6313-9474. */
  phone: z.string().check(z.trim(), z.regex(/^0\d{1,4}-?\d{1,4}-?\d{3,4}$/, "a phone number such as 06-6313-9474")),
  /** e.g. 「平日 9:00〜17:30」 */
  hours: line(100),
  email: z.nullable(z.email().check(z.maxLength(254))),
});
export type LetterContactInput = z.infer<typeof LetterContactInput>;

export const LetterContact = z.object({
  ward: z.string(),
  ...LetterContactInput.shape,
  /** false: none saved yet, the ward office's main line stands in. */
  saved: z.boolean(),
});
export type LetterContact = z.infer<typeof LetterContact>;

/** The stand-in until a ward saves its own: the ward office's main line and opening hours. */
export function defaultLetterContact(ward: string): LetterContact {
  const office = contactFor(ward);
  return {
    ward,
    section: office.office,
    phone: office.phone,
    hours: `平日 ${wardOfficeHours.opens}〜${wardOfficeHours.closes}`,
    email: null,
    saved: false,
  };
}
