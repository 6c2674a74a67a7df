/**
 * The report's contents on its cover: each section with the page it starts on. Every section starts a
 * page of its own (report.css), so the numbers are known before printing.
 */
import type { ReactNode } from "react";
import { T } from "../../../app/i18n/T";

export interface ContentsEntry {
  key: string;
  title: ReactNode;
  page: number;
}

export function ReportContents({ entries }: { entries: ContentsEntry[] }) {
  return (
    <section className="report-contents" aria-labelledby="report-contents">
      <h2 id="report-contents">
        <T k="staff:report.contents" />
      </h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.key}>
            <span>{entry.title}</span>
            <span className="report-contents-page">
              <T k="staff:report.page" values={{ page: entry.page }} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
