/** 自由記述: a survey's free-text answers — search, filter by theme, the most used compound nouns, and theme tags. */
import { type FormEvent, useId, useState } from "react";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { type Comment, CommentItem } from "./CommentItem";
import { Published } from "./Published";

interface Comments {
  comments: Comment[];
  keywords: { word: string; count: number }[];
  hidden: boolean;
  minCell: number;
  publishedAt: string | null;
}

export function StaffCommentsPage({ surveyId }: { surveyId: string }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const [query, setQuery] = useState("");
  const [theme, setTheme] = useState<Theme | "">("");
  const searchId = useId();
  const themeId = useId();
  const loader = useLoader(async () => {
    const response = await api.surveys[":id"].comments.$get({
      param: { id: surveyId },
      query: { ...(query ? { q: query } : {}), ...(theme ? { theme } : {}) },
    });
    return (await expectStatus(response, 200).json()) as Comments;
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
      <Loaded of={loader}>
        {(data) =>
          data.hidden ? (
            <Published at={null} min={data.minCell} />
          ) : (
            <>
              <Published at={data.publishedAt} min={data.minCell} />
              <Keywords id={`${searchId}-keywords`} keywords={data.keywords} onPick={setQuery} />
              <h2>
                <T k="staff:comments.count" values={{ count: data.comments.length }} />
              </h2>
              {data.comments.length === 0 ? (
                <p>
                  <T k="staff:comments.none" />
                </p>
              ) : (
                <ul className="comments">
                  {data.comments.map((comment) => (
                    <CommentItem key={`${comment.responseId}:${comment.questionId}`} surveyId={surveyId} comment={comment} />
                  ))}
                </ul>
              )}
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** The most used compound nouns, each a search for itself. */
function Keywords({ id, keywords, onPick }: { id: string; keywords: Comments["keywords"]; onPick: (word: string) => void }) {
  if (keywords.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <T k="staff:comments.keywords" />
      </h2>
      <ul className="keywords">
        {keywords.map((k) => (
          <li key={k.word}>
            <button type="button" className="button" onClick={() => onPick(k.word)}>
              {k.word} ({k.count})
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
