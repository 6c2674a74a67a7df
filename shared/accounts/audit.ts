/**
 * The audit log's contract (操作ログ): every action name the server records, the filters staff read
 * it by, and one page of entries. A new action must be added here, or the server does not compile.
 */
import { z } from "zod/mini";
import { localKinds } from "../local/schemas";
import { locales } from "../locales/locales";
import { WardCode } from "../wards/schemas";

const localActions = localKinds.flatMap((kind) =>
  (["create", "edit", "delete", "import"] as const).map((verb) => `${kind}.${verb}` as const),
);

/** Every action the audit log records, in the order the filter offers them. */
export const auditActions = [
  "staff.login",
  "staff.login_failed",
  "staff.locked",
  "join.view",
  "audit.export",
  "staff.setup",
  "staff.add_user",
  "staff.create_user",
  "staff.update_user",
  "staff.disable_user",
  "staff.enable_user",
  "staff.reset_link",
  "staff.password_changed",
  "staff.end_sessions",
  "staff.grant_personal",
  "staff.revoke_personal",
  "comments.view",
  "results.view",
  "results.report",
  "survey.create",
  "survey.edit",
  "survey.publish",
  "survey.close",
  "survey.duplicate",
  "survey.export",
  "survey.follow_up",
  "survey.results_public",
  "paper.enter",
  "paper.correct",
  "letters.generate",
  "letters.reminder",
  "comment.tag",
  "keywords.stop_word_add",
  "keywords.stop_word_remove",
  "matching.export",
  "population.edit",
  "policy.create",
  "policy.edit",
  "policy.delete",
  "indicator.create",
  "indicator.edit",
  "indicator.delete",
  "indicator.year",
  "indicator.year_remove",
  "indicator.poll_confirm",
  "notice.create",
  "notice.cancel",
  "joinRequest.status",
  "area.import",
  "ward.contact",
  ...localActions,
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The locale key of an action's label: `audit.actions.staff.login`. */
export const auditActionKey = (action: string): string => `audit.actions.${action}`;

/** Entries on one page of the log. */
export const auditPageSize = 50;

const JstDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "a date, YYYY-MM-DD"));

/** The log's filters, as query parameters: every one optional; dates are calendar days in Japan. */
export const AuditQuery = z.object({
  login: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  action: z.optional(z.enum(auditActions)),
  from: z.optional(JstDate),
  to: z.optional(JstDate),
  /** A city administrator's choice of ward; ward staff always read their own. */
  ward: z.optional(WardCode),
  page: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
  /** The language of the CSV's columns and labels. */
  lang: z.optional(z.enum(locales)),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** 操作ログの一件: who did what, when, in which ward; details hold counts and names, never personal data. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  login: z.string(),
  ward: z.nullable(z.string()),
  action: z.string(),
  target: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  page: z.int(),
  /** Whether an older page follows. */
  hasNext: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPage>;
