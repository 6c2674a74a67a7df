/**
 * 操作ログ: what staff did in the ward (everything, for a city administrator), newest first, 50 a page:
 * filtered on the server by person, action, days and ward, and downloadable as CSV with the same filters.
 */
import { useState } from "react";
import type { AuditPage } from "../../../../shared/accounts/audit";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { type AuditFilter, AuditFilters, noFilter } from "./AuditFilters";
import { AuditTable } from "./AuditTable";

export function StaffAuditPage() {
  const { locale, plain } = useT();
  const { api, session } = useStaffApi();
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const [page, setPage] = useState(1);
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== "")) as Record<string, string>;
  const loader = useLoader<AuditPage>(
    async () => (await expectStatus(await api.audit.$get({ query: { ...query, page: String(page) } }), 200).json()) as AuditPage,
    `audit:${JSON.stringify(query)}:${page}`,
  );
  const csv = `/api/staff/audit.csv?${new URLSearchParams({ ...query, lang: locale })}`;
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:audit.heading" />
      </h1>
      <AuditFilters
        admin={session.user.role === "city_admin"}
        applied={filter}
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <p>
        <a className="button" href={csv} download>
          <T k="staff:audit.export" />
        </a>
      </p>
      <Loaded of={loader}>
        {(result) => (
          <>
            {result.entries.length === 0 ? (
              <p role="status">
                <T k="staff:audit.empty" />
              </p>
            ) : (
              <AuditTable entries={result.entries} />
            )}
            {(result.page > 1 || result.hasNext) && (
              <nav className="actions" aria-label={plain("staff:audit.paging")}>
                {result.page > 1 && (
                  <button type="button" className="button" onClick={() => setPage(result.page - 1)}>
                    <T k="staff:audit.previous" />
                  </button>
                )}
                <span>
                  <T k="staff:audit.pageNumber" values={{ page: result.page }} />
                </span>
                {result.hasNext && (
                  <button type="button" className="button" onClick={() => setPage(result.page + 1)}>
                    <T k="staff:audit.next" />
                  </button>
                )}
              </nav>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
