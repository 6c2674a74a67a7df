/**
 * 地域の情報 (staff): a ward's 通いの場, 町会, 地活協 and 区政会議 — list, add, change and remove (with
 * undo), 通いの場 to and from CSV (a bad file is refused whole, with every bad row listed), and the
 * inbox of 町会 join requests. Forms are built from one field list per kind; the server validates.
 */
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { associationActivities, placeKinds } from "../../../../shared/local/schemas";
import { languageNames, locales } from "../../../../shared/locales/locales";
import { localized } from "../../../../shared/surveys/model";
import { toJstIso } from "../../../../shared/time";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";
import { WardPicker } from "../../staff/WardPicker";

const tabs = ["places", "associations", "councils", "meetings", "joins"] as const;
type Tab = (typeof tabs)[number];
type Kind = Exclude<Tab, "joins">;
type Item = Record<string, unknown> & { id: string; ward: string };
type Message = {
  key: string;
  values?: Record<string, string | number>;
  error?: boolean;
  undo?: Item;
  problems?: Problem[];
  issues?: Issue[];
} | null;
interface Problem {
  line: number;
  column: string | null;
  reason: string;
}
interface Issue {
  path: string[];
  message: string;
}

type Field =
  | {
      key: string;
      type:
        | "text"
        | "textarea"
        | "url"
        | "date"
        | "datetime"
        | "number"
        | "lines"
        | "schedule"
        | "projects"
        | "area"
        | "nullableNumber"
        | "poll";
    }
  | { key: string; type: "select" | "checks"; options: readonly string[]; label: (option: string) => string };

const fieldsOf = (kind: Kind): Field[] => {
  switch (kind) {
    case "places":
      return [
        { key: "kind", type: "select", options: placeKinds, label: (k) => `places.kinds.${k}` },
        { key: "name", type: "text" },
        { key: "nameKana", type: "text" },
        { key: "area", type: "area" },
        { key: "address", type: "text" },
        { key: "building", type: "text" },
        { key: "latitude", type: "number" },
        { key: "longitude", type: "number" },
        { key: "schedule", type: "schedule" },
        { key: "capacity", type: "nullableNumber" },
        { key: "fee", type: "text" },
        { key: "audience", type: "text" },
        { key: "contactName", type: "text" },
        { key: "phone", type: "text" },
        { key: "url", type: "url" },
        { key: "barrierFree", type: "text" },
        {
          key: "languages",
          type: "checks",
          options: locales.filter((l) => l !== "ja"),
          label: (l) => languageNames[l as (typeof locales)[number]].label,
        },
        { key: "notes", type: "textarea" },
        { key: "confirmedOn", type: "date" },
      ];
    case "associations":
      return [
        { key: "name", type: "text" },
        { key: "nameKana", type: "text" },
        { key: "area", type: "area" },
        { key: "chome", type: "lines" },
        { key: "activities", type: "checks", options: associationActivities, label: (a) => `community.activities.${a}` },
        { key: "feeMinYen", type: "number" },
        { key: "feeMaxYen", type: "number" },
        { key: "howToJoin", type: "textarea" },
        { key: "notes", type: "textarea" },
      ];
    case "councils":
      return [
        { key: "name", type: "text" },
        { key: "area", type: "area" },
        { key: "activities", type: "textarea" },
        { key: "projects", type: "projects" },
        { key: "contact", type: "text" },
        { key: "url", type: "url" },
      ];
    case "meetings":
      return [
        { key: "title", type: "text" },
        { key: "startsAt", type: "datetime" },
        { key: "endsAt", type: "datetime" },
        { key: "place", type: "text" },
        { key: "agenda", type: "textarea" },
        { key: "liveUrl", type: "url" },
        { key: "recordingUrl", type: "url" },
        { key: "minutesUrl", type: "url" },
        { key: "pollSurveyId", type: "poll" },
      ];
  }
};

function blank(kind: Kind, ward: string): Record<string, unknown> {
  const today = toJstIso(new Date()).slice(0, 10);
  switch (kind) {
    case "places":
      return {
        ward,
        area: null,
        kind: "hyakusai",
        name: "",
        nameKana: "",
        address: "",
        building: "",
        latitude: 34.69,
        longitude: 135.5,
        schedule: { rules: [{ weekday: 2, start: "14:00", end: "15:00" }] },
        capacity: null,
        fee: "",
        audience: "",
        contactName: "",
        phone: "",
        url: null,
        barrierFree: "",
        languages: [],
        notes: "",
        confirmedOn: today,
      };
    case "associations":
      return {
        ward,
        area: null,
        name: "",
        nameKana: "",
        chome: [],
        activities: ["disaster_drill"],
        feeMinYen: 0,
        feeMaxYen: 0,
        howToJoin: "",
        notes: "",
      };
    case "councils":
      return { ward, area: `${ward}-01`, name: "", activities: "", projects: [], contact: "", url: null };
    case "meetings": {
      const start = toJstIso(new Date(Date.now() + 14 * 86_400_000)).slice(0, 11);
      return {
        ward,
        title: "",
        startsAt: `${start}19:00:00+09:00`,
        endsAt: `${start}21:00:00+09:00`,
        place: "",
        agenda: "",
        liveUrl: null,
        recordingUrl: null,
        minutesUrl: null,
        pollSurveyId: null,
      };
    }
  }
}

const titleOf = (item: Record<string, unknown>) => String(item.name ?? item.title ?? "");

export function StaffLocalPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const { plain } = useT();
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const [tab, setTab] = useState<Tab>("places");
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:local.heading" />
      </h1>
      <p>
        <T k="staff:local.intro" />
      </p>
      <WardPicker session={session} ward={ward} onChange={setWard} />
      <nav className="row" aria-label={plain("staff:local.tabs")}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            className={t === tab ? "button primary" : "button"}
            aria-pressed={t === tab}
            onClick={() => setTab(t)}
          >
            <T k={`staff:local.tab.${t}`} />
          </button>
        ))}
      </nav>
      {tab === "joins" ? (
        <JoinInbox key={ward} session={session} ward={ward} onEnded={onEnded} />
      ) : (
        <ItemList key={`${ward}:${tab}`} session={session} ward={ward} kind={tab} onEnded={onEnded} />
      )}
    </>
  );
}

function Notice({ message, onUndo }: { message: Message; onUndo: (item: Item) => void }) {
  if (!message) return null;
  return (
    <div role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
      <p>
        <T k={message.key} values={message.values} />{" "}
        {message.undo && (
          <button type="button" className="button" onClick={() => onUndo(message.undo as Item)}>
            <T k="staff:matching.undo" />
          </button>
        )}
      </p>
      {message.problems && (
        <ul>
          {message.problems.map((p) => (
            <li key={`${p.line}-${p.column}-${p.reason}`}>
              <T k="staff:local.problem" values={{ line: p.line, column: p.column ?? "—" }} /> <T k={`staff:local.reasons.${p.reason}`} />
            </li>
          ))}
        </ul>
      )}
      {message.issues && (
        <ul>
          {message.issues.map((issue) => (
            <li key={issue.path.join(".")}>
              <T k={`staff:local.fields.${issue.path[0] ?? "name"}`} />: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function failure(error: unknown): Promise<Message> {
  const key = await errorKeyOf(error instanceof Response ? error.clone() : error);
  const details =
    error instanceof Response
      ? (((await error.json().catch(() => null)) as { error?: { details?: { problems?: Problem[]; issues?: Issue[] } } } | null)?.error
          ?.details ?? {})
      : {};
  return {
    key,
    error: true,
    ...(details.problems ? { problems: details.problems } : {}),
    ...(details.issues ? { issues: details.issues } : {}),
  };
}

function ItemList({ session, ward, kind, onEnded }: { session: StaffSession; ward: string; kind: Kind; onEnded: () => void }) {
  const { plain } = useT();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ id: string | null; value: Record<string, unknown> } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const headers = { headers: { "x-csrf-token": session.csrfToken } };
  const { state, retry } = useLoader<Item[]>(async () => {
    const response = await api.api.staff.local[":kind"].$get({ param: { kind }, query: { ward } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return ((await response.json()) as { items: Item[] }).items;
  }, `${ward}:${kind}:${version}`);

  const save = async (id: string | null, value: Record<string, unknown>) => {
    const { id: _id, updatedAt: _updated, ...body } = value;
    try {
      const response =
        id === null
          ? await api.api.staff.local[":kind"].$post({ param: { kind }, json: body }, headers)
          : await api.api.staff.local[":kind"][":id"].$put({ param: { kind, id }, json: body }, headers);
      if (response.status !== 201 && response.status !== 204) throw response;
      setEditing(null);
      setMessage({ key: "staff:local.saved", values: { name: titleOf(value) } });
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(await failure(error));
    }
  };
  const remove = async (item: Item) => {
    if (!window.confirm(plain("staff:local.confirmDelete", { name: titleOf(item) }))) return;
    try {
      const response = await api.api.staff.local[":kind"][":id"].$delete({ param: { kind, id: item.id } }, headers);
      if (response.status !== 204) throw response;
      setMessage({ key: "staff:local.deleted", values: { name: titleOf(item) }, undo: item });
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(await failure(error));
    }
  };

  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>
        <T k={`staff:local.tab.${kind}`} />
      </h2>
      <Notice message={message} onUndo={(item) => void save(null, item)} />
      <LocalCsv
        kind={kind}
        session={session}
        ward={ward}
        onImported={(m) => {
          setMessage(m);
          // A refused file changed nothing: the list stays as it is.
          if (!m?.error) setVersion((n) => n + 1);
        }}
      />
      {editing ? (
        <ItemForm
          kind={kind}
          ward={ward}
          initial={editing.value}
          onSave={(value) => void save(editing.id, value)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="button primary" onClick={() => setEditing({ id: null, value: blank(kind, ward) })}>
          <T k={`staff:local.add.${kind}`} />
        </button>
      )}
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <TableScroll label={plain("staff:local.caption", { count: state.data.length })}>
          <table className="staff-table">
            <caption>
              <T k="staff:local.caption" values={{ count: state.data.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:local.name" />
                </th>
                <th scope="col">
                  <T k="staff:local.summary" />
                </th>
                <th scope="col">
                  <T k="staff:users.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{titleOf(item)}</th>
                  <td>
                    {kind === "places"
                      ? plain(`places.kinds.${String(item.kind)}`)
                      : kind === "meetings"
                        ? String(item.startsAt).slice(0, 16).replace("T", " ")
                        : String(item.area ?? "")}
                  </td>
                  <td>
                    <div className="actions">
                      <button type="button" className="button" onClick={() => setEditing({ id: item.id, value: item })}>
                        <T k="staff:local.edit" values={{ name: titleOf(item) }} />
                      </button>
                      <button type="button" className="button" onClick={() => void remove(item)}>
                        <T k="staff:local.delete" values={{ name: titleOf(item) }} />
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function LocalCsv({
  kind,
  session,
  ward,
  onImported,
}: {
  kind: Kind;
  session: StaffSession;
  ward: string;
  onImported: (message: Message) => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const response = await api.api.staff.local[":kind"].import.$post(
        { param: { kind } },
        {
          init: { body: await file.text(), headers: { "content-type": "text/csv; charset=utf-8", "x-csrf-token": session.csrfToken } },
        },
      );
      if (response.status !== 200) throw response;
      onImported({ key: "staff:local.imported", values: await response.json() });
    } catch (error) {
      onImported(await failure(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      <a className="button" href={`/api/staff/local/${kind}/export.csv?ward=${ward}`} download>
        <T k="staff:local.export" />
      </a>
      <label htmlFor={id} className="button">
        <T k={busy ? "staff:local.importing" : "staff:local.import"} />
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        disabled={busy}
        onChange={(e) => {
          void upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}

function ItemForm({
  kind,
  ward,
  initial,
  onSave,
  onCancel,
}: {
  kind: Kind;
  ward: string;
  initial: Record<string, unknown>;
  onSave: (value: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const { plain, locale } = useT();
  const id = useId();
  const [value, setValue] = useState(initial);
  // A meeting may carry a one-question poll: the ward's polls that are open or closed.
  const surveys = useLoader(
    async () => {
      const response = await api.api.staff.surveys.$get();
      if (response.status !== 200) throw response;
      return (await response.json()).surveys;
    },
    kind === "meetings" ? "surveys" : null,
  );
  const polls =
    surveys.state.status === "ready" ? surveys.state.data.filter((s) => s.kind === "poll" && s.ward === ward && s.status !== "draft") : [];
  const set = (key: string, v: unknown) => setValue({ ...value, [key]: v });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(value);
  };
  const label = (key: string, control: ReactNode, fieldId = `${id}-${key}`) => (
    <div className="field wide" key={key}>
      <label htmlFor={fieldId}>
        <T k={`staff:local.fields.${key}`} />
      </label>
      {control}
    </div>
  );
  const input = (field: Field): ReactNode => {
    const fid = `${id}-${field.key}`;
    const v = value[field.key];
    switch (field.type) {
      case "text":
        return label(field.key, <input id={fid} value={String(v ?? "")} onChange={(e) => set(field.key, e.target.value)} />);
      case "url":
        return label(
          field.key,
          <input id={fid} type="url" value={String(v ?? "")} onChange={(e) => set(field.key, e.target.value || null)} />,
        );
      case "textarea":
        return label(field.key, <textarea id={fid} rows={3} value={String(v ?? "")} onChange={(e) => set(field.key, e.target.value)} />);
      case "date":
        return label(field.key, <input id={fid} type="date" value={String(v ?? "")} onChange={(e) => set(field.key, e.target.value)} />);
      case "datetime":
        return label(
          field.key,
          <input
            id={fid}
            type="datetime-local"
            value={toJstIso(new Date(String(v))).slice(0, 16)}
            onChange={(e) => e.target.value && set(field.key, `${e.target.value}:00+09:00`)}
          />,
        );
      case "number":
        return label(
          field.key,
          <input id={fid} type="number" step="any" value={Number(v ?? 0)} onChange={(e) => set(field.key, Number(e.target.value))} />,
        );
      case "nullableNumber":
        return label(
          field.key,
          <input
            id={fid}
            type="number"
            min={1}
            value={v === null ? "" : Number(v)}
            onChange={(e) => set(field.key, e.target.value ? Number(e.target.value) : null)}
          />,
        );
      case "lines":
        return label(
          field.key,
          <textarea
            id={fid}
            rows={3}
            value={(v as string[]).join("\n")}
            onChange={(e) =>
              set(
                field.key,
                e.target.value
                  .split("\n")
                  .map((s) => s.trim())
                  .filter(Boolean),
              )
            }
          />,
        );
      case "area":
        return label(
          field.key,
          <input
            id={fid}
            value={String(v ?? "")}
            placeholder={`${ward}-01`}
            onChange={(e) => set(field.key, e.target.value.trim() || (kind === "councils" ? "" : null))}
          />,
        );
      case "select":
        return label(
          field.key,
          <select id={fid} value={String(v)} onChange={(e) => set(field.key, e.target.value)}>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {plain(field.label(o))}
              </option>
            ))}
          </select>,
        );
      case "checks": {
        const chosen = v as string[];
        return (
          <fieldset key={field.key} className="themes">
            <legend>
              <T k={`staff:local.fields.${field.key}`} />
            </legend>
            {field.options.map((o) => (
              <label key={o} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(o)}
                  onChange={() => set(field.key, chosen.includes(o) ? chosen.filter((c) => c !== o) : [...chosen, o])}
                />
                {plain(field.label(o))}
              </label>
            ))}
          </fieldset>
        );
      }
      case "poll":
        return label(
          field.key,
          <select id={fid} value={String(v ?? "")} onChange={(e) => set(field.key, e.target.value || null)}>
            <option value="">{plain("staff:local.noPoll")}</option>
            {polls.map((poll) => (
              <option key={poll.id} value={poll.id}>
                {plainText(localized(poll.title, locale))}
              </option>
            ))}
          </select>,
        );
      case "schedule":
        return <ScheduleEditor key={field.key} value={v as Schedule} onChange={(s) => set(field.key, s)} />;
      case "projects":
        return <ProjectsEditor key={field.key} value={v as Project[]} onChange={(p) => set(field.key, p)} />;
    }
  };
  return (
    <form className="local-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          <T k={initial.id ? "staff:local.editHeading" : `staff:local.add.${kind}`} values={{ name: titleOf(initial) }} />
        </legend>
        {fieldsOf(kind).map(input)}
        <div className="actions">
          <button type="submit" className="button primary">
            <T k="staff:matching.save" />
          </button>
          <button type="button" className="button" onClick={onCancel}>
            <T k="staff:matching.cancel" />
          </button>
        </div>
      </fieldset>
    </form>
  );
}

interface Rule {
  weekday: number;
  start: string;
  end: string;
  weeks?: number[];
}
interface Schedule {
  rules: Rule[];
  except?: string[];
}
interface Project {
  year: number;
  title: string;
  amountYen: number;
}

function ScheduleEditor({ value, onChange }: { value: Schedule; onChange: (value: Schedule) => void }) {
  const { plain, locale } = useT();
  const id = useId();
  const weekday = (d: number) =>
    new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2023, 0, 1 + d)),
    );
  const setRule = (i: number, rule: Rule) => onChange({ ...value, rules: value.rules.map((r, k) => (k === i ? rule : r)) });
  return (
    <fieldset className="schedule">
      <legend>
        <T k="staff:local.fields.schedule" />
      </legend>
      {value.rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list of controlled inputs; a rule has no id
        <div className="row" key={i}>
          <div className="field small">
            <label htmlFor={`${id}-${i}-day`}>
              <T k="places.weekday" />
            </label>
            <select id={`${id}-${i}-day`} value={rule.weekday} onChange={(e) => setRule(i, { ...rule, weekday: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                <option key={d} value={d}>
                  {weekday(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-start`}>
              <T k="staff:local.start" />
            </label>
            <input
              id={`${id}-${i}-start`}
              type="time"
              value={rule.start}
              onChange={(e) => setRule(i, { ...rule, start: e.target.value })}
            />
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-end`}>
              <T k="staff:local.end" />
            </label>
            <input id={`${id}-${i}-end`} type="time" value={rule.end} onChange={(e) => setRule(i, { ...rule, end: e.target.value })} />
          </div>
          <fieldset className="themes">
            <legend>
              <T k="staff:local.weeks" />
            </legend>
            {[1, 2, 3, 4, 5].map((w) => {
              const weeks = rule.weeks ?? [1, 2, 3, 4, 5];
              return (
                <label key={w} className="check">
                  <input
                    type="checkbox"
                    checked={weeks.includes(w)}
                    onChange={() => {
                      const next = weeks.includes(w) ? weeks.filter((x) => x !== w) : [...weeks, w].sort();
                      const { weeks: _weeks, ...rest } = rule;
                      setRule(i, next.length === 5 ? rest : { ...rest, weeks: next });
                    }}
                  />
                  {plain("places.nth", { n: w })}
                </label>
              );
            })}
          </fieldset>
          {value.rules.length > 1 && (
            <button type="button" className="button" onClick={() => onChange({ ...value, rules: value.rules.filter((_, k) => k !== i) })}>
              <T k="staff:local.removeRule" values={{ n: i + 1 }} />
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange({ ...value, rules: [...value.rules, { weekday: 2, start: "10:00", end: "11:00" }] })}
      >
        <T k="staff:local.addRule" />
      </button>
      <div className="field wide">
        <label htmlFor={`${id}-except`}>
          <T k="staff:local.except" />
        </label>
        <textarea
          id={`${id}-except`}
          rows={2}
          value={(value.except ?? []).join("\n")}
          onChange={(e) => {
            const except = e.target.value.split(/[\s,]+/).filter(Boolean);
            onChange(except.length ? { ...value, except } : { rules: value.rules });
          }}
        />
      </div>
    </fieldset>
  );
}

function ProjectsEditor({ value, onChange }: { value: Project[]; onChange: (value: Project[]) => void }) {
  const id = useId();
  const set = (i: number, project: Project) => onChange(value.map((p, k) => (k === i ? project : p)));
  return (
    <fieldset>
      <legend>
        <T k="staff:local.fields.projects" />
      </legend>
      {value.map((project, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list of controlled inputs; a project has no id
        <div className="row" key={i}>
          <div className="field small">
            <label htmlFor={`${id}-${i}-year`}>
              <T k="community.projectYear" />
            </label>
            <input
              id={`${id}-${i}-year`}
              type="number"
              value={project.year}
              onChange={(e) => set(i, { ...project, year: Number(e.target.value) })}
            />
          </div>
          <div className="field wide">
            <label htmlFor={`${id}-${i}-title`}>
              <T k="community.projectTitle" />
            </label>
            <input id={`${id}-${i}-title`} value={project.title} onChange={(e) => set(i, { ...project, title: e.target.value })} />
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-amount`}>
              <T k="community.projectAmount" />
            </label>
            <input
              id={`${id}-${i}-amount`}
              type="number"
              min={0}
              value={project.amountYen}
              onChange={(e) => set(i, { ...project, amountYen: Number(e.target.value) })}
            />
          </div>
          <button type="button" className="button" onClick={() => onChange(value.filter((_, k) => k !== i))}>
            <T k="staff:local.removeProject" values={{ n: i + 1 }} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...value, { year: new Date().getFullYear(), title: "", amountYen: 0 }])}
      >
        <T k="staff:local.addProject" />
      </button>
    </fieldset>
  );
}

interface JoinRequest {
  id: string;
  associationName: string;
  name: string | null;
  contact: string | null;
  address: string | null;
  message: string | null;
  status: "new" | "contacted" | "done";
  receivedAt: string;
  purgedAt: string | null;
}

function JoinInbox({ session, ward, onEnded }: { session: StaffSession; ward: string; onEnded: () => void }) {
  const { plain, locale } = useT();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<Message>(null);
  const { state, retry } = useLoader<JoinRequest[]>(async () => {
    const response = await api.api.staff.local["join-requests"].$get({ query: { ward } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return ((await response.json()) as { requests: JoinRequest[] }).requests;
  }, `${ward}:${version}`);
  const format = new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  });
  const setStatus = async (request: JoinRequest, status: JoinRequest["status"]) => {
    try {
      const response = await api.api.staff.local["join-requests"][":id"].$put(
        { param: { id: request.id }, json: { status } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 204) throw response;
      setMessage({ key: "staff:local.statusSaved", values: { name: request.name ?? request.associationName } });
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(await failure(error));
    }
  };
  return (
    <section aria-labelledby="joins-heading">
      <h2 id="joins-heading">
        <T k="staff:local.tab.joins" />
      </h2>
      <p>
        <T k="staff:local.joinsIntro" />
      </p>
      <Notice message={message} onUndo={() => {}} />
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <TableScroll label={plain("staff:local.joinsCaption", { count: state.data.length })}>
          <table className="staff-table">
            <caption>
              <T k="staff:local.joinsCaption" values={{ count: state.data.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:local.received" />
                </th>
                <th scope="col">
                  <T k="staff:local.association" />
                </th>
                <th scope="col">
                  <T k="staff:local.applicant" />
                </th>
                <th scope="col">
                  <T k="staff:local.status" />
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((r) => (
                <tr key={r.id}>
                  <td>{format.format(new Date(r.receivedAt))}</td>
                  <th scope="row">{r.associationName}</th>
                  <td>
                    {r.purgedAt ? (
                      <T k="staff:local.purged" />
                    ) : (
                      <>
                        {r.name}
                        <br />
                        {r.contact}
                        <br />
                        {r.address}
                        {r.message && (
                          <>
                            <br />
                            {r.message}
                          </>
                        )}
                      </>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={plain("staff:local.statusOf", { name: r.name ?? r.associationName })}
                      value={r.status}
                      onChange={(e) => void setStatus(r, e.target.value as JoinRequest["status"])}
                    >
                      {(["new", "contacted", "done"] as const).map((s) => (
                        <option key={s} value={s}>
                          {plain(`staff:local.states.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
