/**
 * Tagging many free-text answers at once: select answers (or every one shown), choose a theme, and
 * add it to them all or take it from them all. The result is announced; the list then reloads.
 */
import { useId, useState } from "react";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import type { Comment } from "./CommentItem";

export const commentKey = (c: Pick<Comment, "responseId" | "questionId">) => `${c.responseId}:${c.questionId}`;

export function BulkTagBar({
  surveyId,
  shown,
  selected,
  onSelect,
  onDone,
}: {
  surveyId: string;
  shown: Comment[];
  selected: ReadonlySet<string>;
  onSelect: (keys: Set<string>) => void;
  onDone: (message: StatusText) => void;
}) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const [theme, setTheme] = useState<Theme>(themes[0]);
  const themeId = useId();
  const chosen = shown.filter((c) => selected.has(commentKey(c)));
  const apply = async (add: boolean) => {
    const comments = chosen.map(({ responseId, questionId }) => ({ responseId, questionId }));
    const name = plain(`staff:editor.themeNames.${theme}`);
    try {
      const response = await api.surveys[":id"].comments.themes.$post({ param: { id: surveyId }, json: { comments, theme, add } });
      expectStatus(response, 200);
      onSelect(new Set());
      onDone({ key: add ? "staff:comments.bulkAdded" : "staff:comments.bulkRemoved", values: { count: comments.length, theme: name } });
    } catch (failure) {
      onDone({ key: await errorKeyOf(failure), error: true });
    }
  };
  return (
    <section className="bulk-tags row" aria-label={plain("staff:comments.bulkHeading")}>
      <p role="status">
        <T k="staff:comments.selected" values={{ count: chosen.length }} />
      </p>
      <button type="button" className="button" onClick={() => onSelect(new Set(shown.map(commentKey)))}>
        <T k="staff:comments.selectAll" values={{ count: shown.length }} />
      </button>
      {chosen.length > 0 && (
        <>
          <button type="button" className="button" onClick={() => onSelect(new Set())}>
            <T k="staff:comments.selectNone" />
          </button>
          <div className="field">
            <label htmlFor={themeId}>
              <T k="staff:comments.bulkTheme" />
            </label>
            <select id={themeId} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              {themes.map((t) => (
                <option key={t} value={t}>
                  {plain(`staff:editor.themeNames.${t}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button primary" onClick={() => void apply(true)}>
            <T k="staff:comments.bulkAdd" values={{ count: chosen.length }} />
          </button>
          <button type="button" className="button" onClick={() => void apply(false)}>
            <T k="staff:comments.bulkRemove" values={{ count: chosen.length }} />
          </button>
        </>
      )}
    </section>
  );
}
