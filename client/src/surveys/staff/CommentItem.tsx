/** One free-text answer, a box to select it for tagging many at once, and its theme tags; a tag that could not be saved is put back and the reason shown. */
import { useId, useState } from "react";
import { type Theme, themes } from "../../../../shared/surveys/model";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";

export interface Comment {
  responseId: string;
  questionId: string;
  text: string;
  themes: Theme[];
}

export function CommentItem({
  surveyId,
  comment,
  selected,
  onSelect,
}: {
  surveyId: string;
  comment: Comment;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { api } = useStaffApi();
  const [tags, setTags] = useState(comment.themes);
  const [message, setMessage] = useState<StatusText | null>(null);
  const id = useId();
  const toggle = async (theme: Theme, on: boolean) => {
    const next = on ? [...tags, theme] : tags.filter((t) => t !== theme);
    setTags(next);
    try {
      const param = { id: surveyId, responseId: comment.responseId, questionId: comment.questionId };
      expectStatus(await api.surveys[":id"].comments[":responseId"][":questionId"].themes.$put({ param, json: { themes: next } }), 204);
      setMessage(null);
    } catch (failure) {
      setTags(tags);
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  return (
    <li>
      <p id={`${id}-text`} className="comment-text">
        {comment.text}
      </p>
      <label className="check">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-describedby={`${id}-text`} />
        <T k="staff:comments.selectOne" />
      </label>
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
      <StatusMessage message={message} />
    </li>
  );
}
