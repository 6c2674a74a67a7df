/**
 * 自分の町会を探す: by typing an address (matched on the device, shared/local/address.ts), or by
 * choosing the 地域 and then the 丁目. The resident's own 地域 is chosen to start with.
 */
import { useId, useState } from "react";
import { byAddress } from "../../../shared/local/address";
import type { Association } from "../../../shared/local/schemas";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { japaneseLang, LocalName } from "./localLanguage";

export function FindAssociation({
  associations,
  myArea,
  areaLabel,
}: {
  associations: Association[];
  myArea: string | null;
  areaLabel: (id: string | null) => string;
}) {
  const id = useId();
  const { plain, locale } = useT();
  const [area, setArea] = useState(myArea ?? "");
  const [chome, setChome] = useState("");
  const [address, setAddress] = useState("");
  const areaIds = [...new Set(associations.map((a) => a.area ?? ""))].filter(Boolean).sort();
  const inArea = associations.filter((a) => a.area === area);
  const found = address.trim() ? byAddress(associations, address) : chome ? inArea.filter((a) => a.chome.includes(chome)) : [];
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="community.findHeading" />
      </h2>
      <p>
        <T k="community.findIntro" />
      </p>
      <div className="field">
        <label htmlFor={`${id}-address`}>
          <T k="community.address" />
        </label>
        <input
          id={`${id}-address`}
          value={address}
          autoComplete="street-address"
          placeholder={plain("community.addressExample")}
          onChange={(e) => setAddress(e.target.value)}
        />
      </div>
      <p className="hint">
        <T k="community.orChoose" />
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-area`}>
            <T k="community.area" />
          </label>
          <select
            id={`${id}-area`}
            value={area}
            onChange={(e) => {
              setArea(e.target.value);
              setChome("");
            }}
          >
            <option value="">{plain("community.chooseArea")}</option>
            {areaIds.map((a) => (
              <option key={a} value={a}>
                {plainText(areaLabel(a)) || a}
              </option>
            ))}
          </select>
        </div>
        {area && (
          <div className="field">
            <label htmlFor={`${id}-chome`}>
              <T k="community.chome" />
            </label>
            <select id={`${id}-chome`} value={chome} onChange={(e) => setChome(e.target.value)}>
              <option value="">{plain("community.chooseChome")}</option>
              {[...new Set(inArea.flatMap((a) => a.chome))].sort().map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {(address.trim() || chome) && (
        <div role="status">
          {found.length === 0 ? (
            <p>
              <T k="community.notFound" />
            </p>
          ) : (
            <ul className="card-list">
              {found.map((a) => (
                <li key={a.id} className="card">
                  <p className="card-title">
                    <Link to={`/community/associations/${a.id}`}>
                      <LocalName item={a} name={a.name} />
                    </Link>
                  </p>
                  <p className="card-meta" lang={japaneseLang(locale)}>
                    {a.chome.join("・")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
