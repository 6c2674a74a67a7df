/**
 * The console's tables: a scroll box that takes focus (so a wide table scrolls from the keyboard,
 * WCAG 2.1.1) and is named for screen readers, a caption, and a header row from a column list.
 */
import type { ReactNode } from "react";
import { T, useT } from "../app/i18n/T";

export interface Column {
  /** React key, and the header's locale key unless `label` is given. */
  key: string;
  label?: ReactNode;
  /** Right-aligned, tabular figures. */
  number?: boolean;
}

type Values = Record<string, string | number>;
/** A caption from a locale key (which names the scroll box too), or a name and any caption. */
type Naming = { caption: { key: string; values?: Values }; label?: undefined } | { label: string; caption?: ReactNode };

export function StaffTable({
  columns,
  children,
  className = "staff-table",
  ...naming
}: Naming & {
  /** `false` leaves a column out (one only some staff see). */
  columns: readonly (Column | false)[];
  children: ReactNode;
  className?: string | null;
}) {
  const { plain } = useT();
  const { label, caption } =
    naming.label === undefined
      ? { label: plain(naming.caption.key, naming.caption.values), caption: <T k={naming.caption.key} values={naming.caption.values} /> }
      : naming;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      <table className={className ?? undefined}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map(
              (column) =>
                column && (
                  <th key={column.key} scope="col" className={column.number ? "number" : undefined}>
                    {column.label ?? <T k={column.key} />}
                  </th>
                ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
