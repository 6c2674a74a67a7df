/** What staff may store for each kind of local data: the shared schemas, then the rules that span fields. */
import { Association, AssociationInput, Council, CouncilInput, Meeting, MeetingInput, Place, PlaceInput } from "../../shared/local/schemas";
import { AppError } from "../platform/errors";
import type { LocalKind } from "./service";

export const localSchemas = {
  place: { input: PlaceInput, item: Place },
  association: { input: AssociationInput, item: Association },
  council: { input: CouncilInput, item: Council },
  meeting: { input: MeetingInput, item: Meeting },
} as const;

export type Input = PlaceInput | AssociationInput | CouncilInput | MeetingInput;

export interface Issue {
  path: string[];
  message: string;
}

/** Checks a body as the kind's input: the schema, then what spans fields. The input, or every issue. */
export function checkInput(kind: LocalKind, body: unknown): { input: Input; issues: [] } | { input: null; issues: Issue[] } {
  const result = localSchemas[kind].input.safeParse(body);
  if (!result.success)
    return { input: null, issues: result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) };
  const input = result.data as Input;
  const issues: Issue[] = [];
  if ("area" in input && input.area && !input.area.startsWith(`${input.ward}-`))
    issues.push({ path: ["area"], message: "the 地域 is in another ward" });
  if (kind === "meeting" && Date.parse((input as MeetingInput).endsAt) <= Date.parse((input as MeetingInput).startsAt))
    issues.push({ path: ["endsAt"], message: "the end comes after the start" });
  if (kind === "association" && (input as AssociationInput).feeMaxYen < (input as AssociationInput).feeMinYen)
    issues.push({ path: ["feeMaxYen"], message: "the highest fee is below the lowest" });
  return issues.length > 0 ? { input: null, issues } : { input, issues: [] };
}

/** Parses a body as the kind's input, with the same error shape as the route validators. */
export function parseInput(kind: LocalKind, body: unknown): Input {
  const checked = checkInput(kind, body);
  if (checked.input === null) throw new AppError("request.invalid", { target: "json", issues: checked.issues });
  return checked.input;
}
