/**
 * The one catalog of API error codes. The server answers every failure with
 * `{ "error": { "code", "message", "details"? } }` using a code from here; the client
 * turns the code into a translated message (locale key `errors.<code>`), so the
 * English `message` is for integrators and logs, never shown to residents as is.
 */
import { z } from "zod/mini";

export const errorCatalog = {
  "request.invalid": { status: 400, message: "The request is not valid." },
  "request.too_large": { status: 413, message: "The request body is too large." },
  "request.unsupported_media_type": { status: 415, message: "The body must be sent as the type this route takes (details.expected)." },
  "route.method_not_allowed": { status: 405, message: "This resource does not take this method (the Allow header lists those it takes)." },
  "route.not_found": { status: 404, message: "There is no such resource." },
  "wards.not_found": { status: 404, message: "There is no ward with this code." },
  "surveys.not_found": { status: 404, message: "There is no such survey." },
  "surveys.not_open": { status: 409, message: "The survey is not open yet." },
  "surveys.closed": { status: 409, message: "The survey is closed." },
  "surveys.not_draft": { status: 409, message: "Only a draft can be published." },
  "surveys.edit_conflict": { status: 409, message: "Someone else changed the survey meanwhile; reload it and edit again." },
  "surveys.unsafe_edit": {
    status: 409,
    message: "The survey is open: only wording may change, nothing that would affect collected answers.",
  },
  "surveys.definition_invalid": { status: 422, message: "The survey's questions are not consistent." },
  "paper.not_found": { status: 404, message: "There is no such paper entry of yours in this survey." },
  "responses.invalid": { status: 422, message: "The answers do not fit the survey." },
  "responses.conflict": { status: 409, message: "This response id belongs to another survey." },
  "letters.batch_too_small": {
    status: 422,
    message:
      "A batch of letters must have at least LETTER_BATCH_MIN letters (details.minimum), so no batch tells which addressee answered.",
  },
  "letters.public_url_missing": {
    status: 409,
    message: "Letters need the server's PUBLIC_URL: their links and QR codes lead residents to that address.",
  },
  "letters.reminder_exists": {
    status: 409,
    message: "This batch has its reminder already: one per batch, since a second would show who answered in between.",
  },
  "letters.reminder_too_early": {
    status: 409,
    message: "A reminder needs at least RESULTS_MIN_CELL of the batch's codes used (details.minCell): it shows who has answered.",
  },
  "letters.not_this_batch": { status: 422, message: "The list of codes sent is not this batch's mail-merge list." },
  "invitations.required": { status: 403, message: "This survey needs the invitation code from the letter." },
  "invitations.invalid": { status: 403, message: "The invitation code is not valid for this survey." },
  "invitations.used": { status: 409, message: "The invitation code has already been used." },
  "polls.already_answered": { status: 409, message: "This device has already answered the poll." },
  "results.not_public": { status: 403, message: "The results of this survey are not public." },
  "crosstab.invalid_pair": {
    status: 422,
    message: "A cross-tab crosses a choice question with another choice question of the same survey, or with a profile field.",
  },
  "staff.unauthenticated": { status: 401, message: "Log in as staff first; the session may have ended." },
  "staff.login_failed": { status: 401, message: "The login name or the password is wrong." },
  "staff.locked": { status: 429, message: "Too many failed logins: the account is locked for a while." },
  "staff.csrf": { status: 403, message: "The request lacks this session's CSRF token." },
  "staff.personal_permission_required": {
    status: 403,
    message: "Reading free-text answers and join requests needs a permission of its own; a city administrator can give it.",
  },
  "staff.forbidden": { status: 403, message: "This account may not do that." },
  "staff.login_taken": { status: 409, message: "An account with this login name exists already." },
  "staff.user_not_found": { status: 404, message: "There is no such staff account." },
  "staff.link_invalid": {
    status: 410,
    message: "This link is not valid: it was used already, has expired, or was replaced by a newer one.",
  },
  "staff.password_change_required": { status: 403, message: "Change the temporary password first (POST /api/staff/password)." },
  "staff.password_wrong": { status: 403, message: "The current password is wrong." },
  "staff.password_same": { status: 422, message: "The new password must differ from the current one." },
  "staff.last_admin": { status: 409, message: "This is the last enabled city administrator: it cannot be disabled or given another role." },
  "staff.not_yourself": { status: 409, message: "An administrator cannot disable their own account or take away their own role." },
  "policies.not_found": { status: 404, message: "There is no such policy in this ward." },
  "indicators.not_found": { status: 404, message: "There is no such indicator." },
  "indicators.question_missing": { status: 422, message: "This survey lacks the indicator's question or options." },
  "indicators.year_not_found": { status: 404, message: "This indicator has no value for that ward and year." },
  "indicators.not_a_poll": { status: 409, message: "Only a year taken from a self-selected poll is confirmed into the trend." },
  "keywords.too_many_stop_words": {
    status: 422,
    message: "The ward already keeps the most stop words it may (details.limit); remove one first.",
  },
  "matching.no_priority_question": { status: 422, message: "This survey has no choice question whose options carry policy themes." },
  "associations.not_found": { status: 404, message: "There is no such 町会." },
  "joins.conflict": { status: 409, message: "This request id was used for another 町会." },
  "joins.inbox_full": { status: 429, message: "The ward's inbox of waiting join requests is full." },
  "local.not_found": { status: 404, message: "There is no such item in this ward." },
  "import.invalid": { status: 422, message: "The file has rows that cannot be read; nothing was imported (details.problems)." },
  "import.encoding": {
    status: 422,
    message:
      "The file is not UTF-8 or Shift_JIS (details.encoding names what it is); in Excel, save it as CSV UTF-8 (Comma delimited). Nothing was imported.",
  },
  "import.too_many_rows": {
    status: 413,
    message: "The file has more rows than one import may have (details.limit); split it. Nothing was imported.",
  },
  "local.ward_full": { status: 409, message: "The ward has as many items of this kind as it may have (details.limit); nothing was added." },
  "push.endpoint_refused": {
    status: 422,
    message:
      "The push endpoint is not one the server may send to (details.reason: not_https, port, ip_literal, not_allowed, private_address, unresolvable).",
  },
  "push.keys_invalid": { status: 422, message: "The subscription's keys are not a P-256 public key and a 16-byte secret." },
  "push.conflict": { status: 409, message: "This push endpoint is registered with another secret." },
  "notices.not_found": { status: 404, message: "There is no such notice in this ward." },
  "notices.not_cancellable": { status: 409, message: "Only a notice still waiting to be sent can be cancelled." },
  "rate.limited": { status: 429, message: "Too many requests; wait a minute and try again." },
  "surveys.poll_address_limit": {
    status: 429,
    message: "This network address has sent as many answers to this poll today as it may (POLL_ANSWERS_PER_ADDRESS); try again tomorrow.",
  },
  "population.out_of_range": {
    status: 400,
    message: "Each age band must be at most the ward's population, and the total within half and 1.5 times it (details name the bounds).",
  },
  "service.unavailable": { status: 503, message: "The service is shutting down or cannot write; try again shortly." },
  "internal.error": { status: 500, message: "Something went wrong on the server." },
} as const satisfies Record<
  string,
  { status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503; message: string }
>;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}
