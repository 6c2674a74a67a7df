/** 自由記述: a survey's free-text answers — search, filter by theme, the most used compound nouns, and theme tags. */
import { type FormEvent, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { LoadState } from "../../app/shell/LoadState";

interface Comment {
  responseId: string;
  questionId: string;
  text: string;
  themes: Theme[];
}

export function StaffCommentsPage({ session, surveyId, onEnded }: { session: StaffSession; surveyId: string; onEnded: () => void }) {
  const { plain } = useT();
  const [query, setQuery] = useState("");
  const [theme, setTheme] = useState<Theme | "">("");
  const searchId = useId();
  const themeId = useId();
  const { state, retry } = useLoader(async () => {
    const response = await api.api.staff.surveys[":id"].comments.$get({
      param: { id: surveyId },
      query: { ...(query ? { q: query } : {}), ...(theme ? { theme } : {}) },
    });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()) as {
      comments: Comment[];
      keywords: { word: string; count: number }[];
      hidden: boolean;
      minCell: number;
    };
  }, `${surveyId}:${query}:${theme}`);

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
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : state.data.hidden ? (
        <p>
          <T k="staff:comments.hidden" values={{ min: state.data.minCell }} />
        </p>
      ) : (
        <>
          {state.data.keywords.length > 0 && (
            <section aria-labelledby={`${searchId}-keywords`}>
              <h2 id={`${searchId}-keywords`}>
                <T k="staff:comments.keywords" />
              </h2>
              <ul className="keywords">
                {state.data.keywords.map((k) => (
                  <li key={k.word}>
                    <button type="button" className="button" onClick={() => setQuery(k.word)}>
                      {k.word} ({k.count})
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <h2>
            <T k="staff:comments.count" values={{ count: state.data.comments.length }} />
          </h2>
          {state.data.comments.length === 0 ? (
            <p>
              <T k="staff:comments.none" />
            </p>
          ) : (
            <ul className="comments">
              {state.data.comments.map((comment) => (
                <CommentItem key={`${comment.responseId}:${comment.questionId}`} session={session} surveyId={surveyId} comment={comment} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function CommentItem({ session, surveyId, comment }: { session: StaffSession; surveyId: string; comment: Comment }) {
  const [tags, setTags] = useState(comment.themes);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const toggle = async (theme: Theme, on: boolean) => {
    const next = on ? [...tags, theme] : tags.filter((t) => t !== theme);
    setTags(next);
    try {
      const response = await api.api.staff.surveys[":id"].comments[":responseId"][":questionId"].themes.$put(
        { param: { id: surveyId, responseId: comment.responseId, questionId: comment.questionId }, json: { themes: next } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 204) throw response;
      setError(null);
    } catch (failure) {
      setTags(tags);
      setError(await errorKeyOf(failure));
    }
  };
  return (
    <li>
      <p id={`${id}-text`} className="comment-text">
        {comment.text}
      </p>
      <fieldset aria-describedby={`${id}-text`}>
        <legend>
          <T k="staff:comments.themesOf" />
        </legend>
        <div className="themes">
          {themes.map((theme) => (
            <label key={theme} className="check">
              <input type="checkbox" checked={tags.includes(theme)} onChange={(e) => void toggle(theme, e.target.checked)} />
              <T k={`staff:editor.themeNames.${theme}`} />
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          <T k={error} />
        </p>
      )}
    </li>
  );
}
