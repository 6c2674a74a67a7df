/** A need as staff read it: the share choosing the theme (with its 95 % interval where asked), or "<K" when too few answered. */
import type { NeedCell } from "../../../../shared/planning/matching";
import { T } from "../../app/i18n/T";
import { percent } from "../../staff/format";

export function NeedValue({ cell, min, interval }: { cell: NeedCell; min: number; interval?: boolean }) {
  if (cell.share === null) return <T k="staff:results.lessThan" values={{ min }} />;
  return (
    <>
      {percent(cell.share)}
      {interval && cell.interval && (
        <span className="interval">
          {" "}
          ({percent(cell.interval[0])} – {percent(cell.interval[1])})
        </span>
      )}
    </>
  );
}
