/**
 * ニーズと施策のマッチング: each theme's need (the share choosing it in a survey's priority
 * question, overall and by 地域 or age band) beside the ward's policies; themes of high need and
 * few policies are marked in words, not colour alone. The ward's policy list is kept here too, and
 * city administrators get the comparison of all wards.
 */
import { type FormEvent, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import type { MatchingMatrix, NeedCell, Policy, PolicyInput, WardComparison } from "../../../../shared/planning/matching";
import { localized, type Theme, themes } from "../../../../shared/surveys/model";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { plainText, RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";
import { WardPicker } from "../../staff/WardPicker";
import { useSegmentName } from "../../surveys/staff/segments";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function NeedValue({ cell, min, interval }: { cell: NeedCell; min: number; interval?: boolean }) {
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

export function StaffMatchingPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const { plain, locale } = useT();
  const admin = session.user.role === "city_admin";
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const [by, setBy] = useState<"area" | "ageBand">("area");
  const [survey, setSurvey] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const ids = { survey: useId(), by: useId() };
  const { state, retry } = useLoader<MatchingMatrix>(
    async () => {
      const response = await api.api.staff.matching.$get({ query: { ward, by, ...(survey ? { survey } : {}) } });
      if ((response.status as number) === 401) onEnded();
      if (response.status !== 200) throw response;
      return (await response.json()) as MatchingMatrix;
    },
    `${ward}:${by}:${survey ?? ""}:${version}`,
  );
  const named = useSegmentName(by === "area" ? ward : null);
  const segmentName = (segment: string) => named(`${by === "area" ? "area" : "age"}:${segment}`);
  const query = new URLSearchParams({ ward, by, ...(survey ? { survey } : {}) }).toString();

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:matching.heading" />
      </h1>
      <p>
        <T k="staff:matching.intro" />
      </p>
      <div className="row">
        <WardPicker
          session={session}
          ward={ward}
          onChange={(next) => {
            setWard(next);
            setSurvey(undefined);
          }}
        />
        {state.status === "ready" && state.data.candidates.length > 1 && (
          <div className="field">
            <label htmlFor={ids.survey}>
              <T k="staff:matching.survey" />
            </label>
            <select id={ids.survey} value={state.data.survey?.id ?? ""} onChange={(e) => setSurvey(e.target.value)}>
              {state.data.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {plainText(localized(c.title, locale))}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.by}>
            <T k="staff:matching.by" />
          </label>
          <select id={ids.by} value={by} onChange={(e) => setBy(e.target.value as "area" | "ageBand")}>
            <option value="area">{plain("staff:results.breakdowns.area")}</option>
            <option value="ageBand">{plain("staff:results.breakdowns.ageBand")}</option>
          </select>
        </div>
      </div>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <>
          {state.data.survey === null ? (
            <p role="status">
              <T k="staff:matching.noSurvey" />
            </p>
          ) : (
            <p>
              <T k="staff:matching.source" values={{ title: plain(localized(state.data.survey.title, locale)) }} />{" "}
              <T k="staff:matching.rule" values={{ min: state.data.minCell }} />
            </p>
          )}
          <TableScroll label={plain("staff:matching.caption")}>
            <table className="staff-table matching">
              <caption>
                <T k="staff:matching.caption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <T k="staff:matching.theme" />
                  </th>
                  <th scope="col" className="number">
                    <T k="staff:matching.need" />
                  </th>
                  {state.data.segments.map((segment) => (
                    <th key={segment} scope="col" className="number">
                      {segmentName(segment)}
                    </th>
                  ))}
                  <th scope="col">
                    <T k="staff:matching.policies" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.rows.map((row) => (
                  <tr key={row.theme} className={row.standsOut ? "stands-out" : undefined}>
                    <th scope="row">
                      <T k={`staff:editor.themeNames.${row.theme}`} />
                      {row.standsOut && (
                        <strong className="flag">
                          <T k="staff:matching.standsOut" />
                        </strong>
                      )}
                    </th>
                    <td className="number">
                      <NeedValue cell={row.need} min={state.data.minCell} interval />
                    </td>
                    {row.bySegment.map((cell, i) => (
                      <td key={state.data.segments[i]} className="number">
                        <NeedValue cell={cell} min={state.data.minCell} />
                      </td>
                    ))}
                    <td>
                      <T k="staff:matching.policyCount" values={{ count: row.policies.length }} />
                      {row.policies.length > 0 && (
                        <ul className="compact">
                          {row.policies.map((p) => (
                            <li key={p.id}>{p.title}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p>
            <a className="button" href={`/api/staff/matching.csv?${query}`} download>
              <T k="staff:matching.downloadCsv" />
            </a>
          </p>
        </>
      )}
      <PolicyList key={ward} session={session} ward={ward} onChanged={() => setVersion((n) => n + 1)} onEnded={onEnded} />
      {admin && <WardComparisonTable onEnded={onEnded} version={version} />}
    </>
  );
}

const emptyPolicy: PolicyInput = { title: "", chapter: "", themes: [] };

function PolicyList({
  session,
  ward,
  onChanged,
  onEnded,
}: {
  session: StaffSession;
  ward: string;
  onChanged: () => void;
  onEnded: () => void;
}) {
  const { plain } = useT();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ id: string | null; input: PolicyInput } | null>(null);
  const [message, setMessage] = useState<{ key: string; values?: Record<string, string>; error?: boolean; undo?: Policy } | null>(null);
  const headers = { headers: { "x-csrf-token": session.csrfToken } };
  const { state, retry } = useLoader<Policy[]>(async () => {
    const response = await api.api.staff.policies.$get({ query: { ward } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()).policies as Policy[];
  }, `${ward}:${version}`);
  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  const save = async (id: string | null, input: PolicyInput) => {
    try {
      const response =
        id === null
          ? await api.api.staff.policies.$post({ json: { ...input, ward } }, headers)
          : await api.api.staff.policies[":id"].$put({ param: { id }, json: input }, headers);
      if (response.status !== 201 && response.status !== 204) throw response;
      setEditing(null);
      setMessage({ key: "staff:matching.saved", values: { title: input.title } });
      changed();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const remove = async (policy: Policy) => {
    try {
      const response = await api.api.staff.policies[":id"].$delete({ param: { id: policy.id } }, headers);
      if (response.status !== 200) throw response;
      setMessage({ key: "staff:matching.deleted", values: { title: policy.title }, undo: policy });
      changed();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const undo = async (policy: Policy) => {
    await save(null, { title: policy.title, chapter: policy.chapter, themes: policy.themes });
  };

  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading">
        <T k="staff:matching.policyHeading" />
      </h2>
      {message && (
        <div role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
          <T k={message.key} values={message.values} />{" "}
          {message.undo && (
            <button type="button" className="button" onClick={() => void undo(message.undo as Policy)}>
              <T k="staff:matching.undo" />
            </button>
          )}
        </div>
      )}
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <TableScroll label={plain("staff:matching.policyCaption", { count: state.data.length })}>
          <table className="staff-table">
            <caption>
              <T k="staff:matching.policyCaption" values={{ count: state.data.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:matching.policyTitle" />
                </th>
                <th scope="col">
                  <T k="staff:matching.chapter" />
                </th>
                <th scope="col">
                  <T k="staff:matching.themes" />
                </th>
                <th scope="col">
                  <T k="staff:users.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((policy) =>
                editing?.id === policy.id ? (
                  <tr key={policy.id}>
                    <td colSpan={4}>
                      <PolicyForm
                        initial={editing.input}
                        onSave={(input) => void save(policy.id, input)}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={policy.id}>
                    <th scope="row">{policy.title}</th>
                    <td>{policy.chapter}</td>
                    <td>{policy.themes.map((t) => plain(`staff:editor.themeNames.${t}`)).join("、")}</td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="button"
                          onClick={() =>
                            setEditing({ id: policy.id, input: { title: policy.title, chapter: policy.chapter, themes: policy.themes } })
                          }
                        >
                          <T k="staff:matching.edit" values={{ title: policy.title }} />
                        </button>
                        <button type="button" className="button" onClick={() => void remove(policy)}>
                          <T k="staff:matching.delete" values={{ title: policy.title }} />
                        </button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editing?.id === null ? (
        <PolicyForm initial={editing.input} onSave={(input) => void save(null, input)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button primary" onClick={() => setEditing({ id: null, input: emptyPolicy })}>
          <T k="staff:matching.add" />
        </button>
      )}
    </section>
  );
}

function PolicyForm({ initial, onSave, onCancel }: { initial: PolicyInput; onSave: (input: PolicyInput) => void; onCancel: () => void }) {
  const [input, setInput] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!input.title.trim()) return setProblem("staff:matching.titleMissing");
    if (input.themes.length === 0) return setProblem("staff:matching.themesMissing");
    setProblem(null);
    onSave({ ...input, title: input.title.trim(), chapter: input.chapter.trim() });
  };
  const toggle = (theme: Theme) =>
    setInput({ ...input, themes: input.themes.includes(theme) ? input.themes.filter((t) => t !== theme) : [...input.themes, theme] });
  return (
    <form className="policy-form" onSubmit={submit} noValidate aria-describedby={problem ? `${id}-problem` : undefined}>
      <div className="field wide">
        <label htmlFor={`${id}-title`}>
          <T k="staff:matching.policyTitle" />
        </label>
        <input id={`${id}-title`} value={input.title} maxLength={200} onChange={(e) => setInput({ ...input, title: e.target.value })} />
      </div>
      <div className="field small">
        <label htmlFor={`${id}-chapter`}>
          <T k="staff:matching.chapter" />
        </label>
        <input
          id={`${id}-chapter`}
          value={input.chapter}
          maxLength={40}
          onChange={(e) => setInput({ ...input, chapter: e.target.value })}
        />
      </div>
      <fieldset className="themes">
        <legend>
          <T k="staff:matching.themes" />
        </legend>
        {themes.map((theme) => (
          <label key={theme} className="check">
            <input type="checkbox" checked={input.themes.includes(theme)} onChange={() => toggle(theme)} />
            <T k={`staff:editor.themeNames.${theme}`} />
          </label>
        ))}
      </fieldset>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error">
          <T k={problem} />
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button primary">
          <T k="staff:matching.save" />
        </button>
        <button type="button" className="button" onClick={onCancel}>
          <T k="staff:matching.cancel" />
        </button>
      </div>
    </form>
  );
}

function WardComparisonTable({ onEnded, version }: { onEnded: () => void; version: number }) {
  const { locale, plain } = useT();
  const { state, retry } = useLoader<WardComparison>(async () => {
    const response = await api.api.staff.matching.wards.$get();
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()) as WardComparison;
  }, `wards:${version}`);
  return (
    <section aria-labelledby="wards-heading">
      <h2 id="wards-heading">
        <T k="staff:matching.wardsHeading" />
      </h2>
      <p>
        <T k="staff:matching.wardsIntro" />
      </p>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <>
          <TableScroll label={plain("staff:matching.wardsCaption")}>
            <table className="staff-table matching">
              <caption>
                <T k="staff:matching.wardsCaption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <T k="staff:population.ward" />
                  </th>
                  {themes.map((theme) => (
                    <th key={theme} scope="col" className="number">
                      <T k={`staff:editor.themeNames.${theme}`} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.data.wards.map((row) => {
                  const record = wardRecords.find((w) => w.code === row.ward);
                  return (
                    <tr key={row.ward}>
                      <th scope="row">{record ? <RubyText text={wardName(record, locale)} /> : row.ward}</th>
                      {row.cells.map((cell) => (
                        <td key={cell.theme} className={cell.standsOut ? "number stands-out" : "number"}>
                          <NeedValue cell={cell.need} min={state.data.minCell} />
                          <br />
                          <T k="staff:matching.policyCount" values={{ count: cell.policies }} />
                          {cell.standsOut && (
                            <strong className="flag">
                              <T k="staff:matching.standsOut" />
                            </strong>
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <p>
            <a className="button" href="/api/staff/matching/wards.csv" download>
              <T k="staff:matching.downloadWardsCsv" />
            </a>
          </p>
        </>
      )}
    </section>
  );
}
