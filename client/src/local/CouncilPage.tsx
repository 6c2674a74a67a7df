/** One 地域活動協議会: what it does, and its subsidised projects with their amounts, for transparency. */
import { useEffect, useState } from "react";
import type { Council } from "../../../shared/local/schemas";
import { htmlLang } from "../../../shared/locales/locales";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { localCouncil } from "../db/local";
import { japaneseLang, LocalText, OriginalName, titleLangOf, titleOf } from "./localLanguage";

export function CouncilPage({ councilId }: { councilId: string }) {
  const { plain, locale } = useT();
  const [council, setCouncil] = useState<Council | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    localCouncil(councilId).then(
      (found) => current && setCouncil(found),
      () => current && setCouncil(null),
    );
    return () => {
      current = false;
    };
  }, [councilId]);
  const back = (
    <p>
      <Link to="/community">
        <T k="community.back" />
      </Link>
    </p>
  );
  if (council === undefined)
    return (
      <p role="status" aria-busy="true">
        <T k="common.loading" />
      </p>
    );
  if (council === null) return <Page titleKey="community.councilNotFound">{back}</Page>;
  const yen = new Intl.NumberFormat(htmlLang(locale), { style: "currency", currency: "JPY" });
  return (
    <Page title={titleOf(council, council.name, locale)} titleLang={titleLangOf(council, council.name, locale)}>
      <OriginalName item={council} name={council.name} />
      {council.activities && <LocalText item={council} text={council.activities} />}
      <h2>
        <T k="community.projectsHeading" />
      </h2>
      <div className="table-wrap">
        <table className="result">
          <caption>
            <T k="community.projectsCaption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <T k="community.projectYear" />
              </th>
              <th scope="col">
                <T k="community.projectTitle" />
              </th>
              <th scope="col" className="number">
                <T k="community.projectAmount" />
              </th>
            </tr>
          </thead>
          <tbody>
            {council.projects.map((p) => (
              <tr key={`${p.year}-${p.title}`}>
                <td>{plain("community.fiscalYear", { year: p.year })}</td>
                <th scope="row" lang={japaneseLang(locale)}>
                  {p.title}
                </th>
                <td className="number">{yen.format(p.amountYen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {council.contact && (
        <p>
          <T k="community.contact" values={{ contact: council.contact }} />
        </p>
      )}
      {council.url && (
        <p>
          <a href={council.url} target="_blank" rel="noopener noreferrer">
            <T k="community.moreOnWardSite" />
          </a>
        </p>
      )}
      {back}
    </Page>
  );
}
