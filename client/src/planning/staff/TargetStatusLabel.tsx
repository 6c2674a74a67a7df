/** 達成 / 目標付近 / 未達 in words (and a mark), never in colour alone; the same words on the card, in tables and in the comparison of wards. */
import type { TargetStatus } from "../../../../shared/planning/indicators";
import { T } from "../../app/i18n/T";

const marks: Record<TargetStatus, string> = { reached: "◎", near: "△", notReached: "×" };

export function TargetStatusLabel({ status }: { status: TargetStatus | null }) {
  if (status === null) return <>—</>;
  return (
    <span className={`target-status ${status}`}>
      <span aria-hidden="true">{marks[status]} </span>
      <T k={`staff:indicators.status.${status}`} />
    </span>
  );
}
