/**
 * The outcome of a change to local information: a delete with its undo, or a refusal with what the
 * server found wrong — every bad row of a CSV file, or every bad field of a form.
 */
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { ActionStatus } from "../../staff/ActionStatus";
import type { Item } from "./localKinds";

interface Problem {
  line: number;
  column: string | null;
  reason: string;
}
interface Issue {
  path: string[];
  message: string;
}
export type LocalMessage = (StatusText & { undo?: Item; problems?: Problem[]; issues?: Issue[] }) | null;

type Details = { problems?: Problem[]; issues?: Issue[] } & Record<string, unknown>;

/** A failed call as a message, with the problems or issues the server listed, and its plain details (encoding, limit) as values. */
export async function failure(error: unknown): Promise<LocalMessage> {
  const key = await errorKeyOf(error instanceof Response ? error.clone() : error);
  const details =
    error instanceof Response
      ? (((await error.json().catch(() => null)) as { error?: { details?: Details } } | null)?.error?.details ?? {})
      : {};
  const values = Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string | number] => ["string", "number"].includes(typeof entry[1])),
  );
  return {
    key,
    error: true,
    values,
    ...(details.problems ? { problems: details.problems } : {}),
    ...(details.issues ? { issues: details.issues } : {}),
  };
}

export function LocalStatus({ message, onUndo }: { message: LocalMessage; onUndo?: (item: Item) => void }) {
  const undo = message?.undo;
  return (
    <ActionStatus message={message} onUndo={undo && onUndo ? () => onUndo(undo) : undefined}>
      {message?.problems && (
        <ul>
          {message.problems.map((p) => (
            <li key={`${p.line}-${p.column}-${p.reason}`}>
              <T k="staff:local.problem" values={{ line: p.line, column: p.column ?? "—" }} /> <T k={`staff:local.reasons.${p.reason}`} />
            </li>
          ))}
        </ul>
      )}
      {message?.issues && (
        <ul>
          {message.issues.map((issue) => (
            <li key={issue.path.join(".")}>
              <T k={`staff:local.fields.${issue.path[0] ?? "name"}`} />: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </ActionStatus>
  );
}
