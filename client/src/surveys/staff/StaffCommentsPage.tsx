/**
 * 自由記述: a survey's free-text answers — search, filter by theme, the most used compound nouns (without
 * the ward's stop words, which staff extend here), and theme tags, one answer at a time or many at once.
 */
import { type FormEvent, useId, useRef, useState } from "react";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { BulkTagBar, commentKey } from "./BulkTagBar";
import { type Comment, CommentItem } from "./CommentItem";
import { CommentKeywords } from "./CommentKeywords";
import { Published } from "./Published";
import { StopWords, useStopWordChange } from "./StopWords";

interface Comments {
  ward: string | null;
  comments: Comment[];
  keywords: { word: string; count: number }[];
  hidden: boolean;
  minCell: number;
  publishedAt: string | null;
}

export function StaffCommentsPage({ surveyId }: { surveyId: string }) {
  const { plain } = useT();
  const { api, session } = useStaffApi();
  const [query, setQuery] = useState("");
  const [theme, setTheme] = useState<Theme | "">("");
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<StatusText | null>(null);
  const searchId = useId();
  const themeId = useId();
  const changed = (next: StatusText) => {
    setMessage(next);
    if (!next.error) setVersion((n) => n + 1);
  };
  const loader = useLoader(async () => {
    const response = await api.surveys[":id"].comments.$get({
      param: { id: surveyId },
      query: { ...(query ? { q: query } : {}), ...(theme ? { theme } : {}) },
    });
    return (await expectStatus(response, 200).json()) as Comments;
  }, `${surveyId}:${query}:${theme}:${version}`);
  // The survey's ward, kept while the comments reload (a search, a theme, a change of stop words): the stop-word
  // panel stays as it is, open or closed, instead of going away and fetching its list again.
  const lastWard = useRef<string | null>(null);
  if (loader.state.status === "ready") lastWard.current = loader.state.data.ward;
  const ward = lastWard.current;
  const stopWord = useStopWordChange(ward ?? "");
  const mayKeepWard = ward !== null && (session.user.role === "city_admin" || session.user.ward === ward);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get("q") ?? "").trim());
  };

  return (
    <>
      <p>
        <Link to={`/staff/surveys/${surveyId}`}>
          <T k="staff:paper.back" />
        </Link>
      </p>
      <h1 tabIndex={-1}>
        <T k="staff:comments.heading" />
      </h1>
      <form onSubmit={search} className="row">
        <div className="field">
          <label htmlFor={searchId}>
            <T k="staff:comments.search" />
          </label>
          <input id={searchId} name="q" type="search" defaultValue={query} key={query} />
        </div>
        <button type="submit" className="button">
          <T k="staff:comments.searchButton" />
        </button>
        <div className="field">
          <label htmlFor={themeId}>
            <T k="staff:comments.theme" />
          </label>
          <select id={themeId} value={theme} onChange={(e) => setTheme(e.target.value as Theme | "")}>
            <option value="">{plain("staff:comments.allThemes")}</option>
            {themes.map((t) => (
              <option key={t} value={t}>
                {plain(`staff:editor.themeNames.${t}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <StatusMessage message={message} />
      {mayKeepWard && ward && <StopWords ward={ward} version={version} onChanged={changed} />}
      <Loaded of={loader}>
        {(data) =>
          data.hidden ? (
            <Published at={null} min={data.minCell} />
          ) : (
            <>
              <Published at={data.publishedAt} min={data.minCell} />
              <CommentKeywords
                id={`${searchId}-keywords`}
                keywords={data.keywords}
                onPick={setQuery}
                onStop={mayKeepWard ? (word) => void stopWord(word, true).then(changed) : null}
              />
              <h2>
                <T k="staff:comments.count" values={{ count: data.comments.length }} />
              </h2>
              {data.comments.length === 0 ? (
                <p>
                  <T k="staff:comments.none" />
                </p>
              ) : (
                <>
                  <BulkTagBar surveyId={surveyId} shown={data.comments} selected={selected} onSelect={setSelected} onDone={changed} />
                  <ul className="comments">
                    {data.comments.map((comment) => (
                      <CommentItem
                        key={`${commentKey(comment)}:${version}`}
                        surveyId={surveyId}
                        comment={comment}
                        selected={selected.has(commentKey(comment))}
                        onSelect={(on) => {
                          const next = new Set(selected);
                          if (on) next.add(commentKey(comment));
                          else next.delete(commentKey(comment));
                          setSelected(next);
                        }}
                      />
                    ))}
                  </ul>
                </>
              )}
            </>
          )
        }
      </Loaded>
    </>
  );
}
