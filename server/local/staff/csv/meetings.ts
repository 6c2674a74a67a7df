/** 区政会議 (meetings) in the columns of the standard's event dataset: 開始日, 開始時間, 終了日, 終了時間 … in JST. */
import { jstDateTime, toJstIso } from "../../../../shared/time";
import type { Input } from "../../input";
import type { Spec } from "./spec";

export const meetingSpec: Spec = {
  columns: ["開始日", "開始時間", "終了日", "終了時間", "場所名称", "説明", "配信URL", "録画URL", "会議録URL", "アンケートID"],
  textColumn: "説明",
  required: ["名称", "開始日", "開始時間", "終了時間"],
  fieldColumns: {
    ward: "全国地方公共団体コード",
    title: "名称",
    startsAt: "開始日",
    endsAt: "終了時間",
    place: "場所名称",
    agenda: "説明",
    liveUrl: "配信URL",
    recordingUrl: "録画URL",
    minutesUrl: "会議録URL",
    pollSurveyId: "アンケートID",
  },
  write: (item) => {
    const m = item as Extract<Input, { startsAt: string }> & { id: string };
    const [start, end] = [toJstIso(new Date(m.startsAt)), toJstIso(new Date(m.endsAt))];
    return {
      名称: m.title,
      開始日: start.slice(0, 10),
      開始時間: start.slice(11, 16),
      終了日: end.slice(0, 10),
      終了時間: end.slice(11, 16),
      場所名称: m.place,
      説明: m.agenda,
      配信URL: m.liveUrl,
      録画URL: m.recordingUrl,
      会議録URL: m.minutesUrl,
      アンケートID: m.pollSurveyId,
    };
  },
  read: (cell) => {
    const time = (t: string) => t.normalize("NFKC").padStart(5, "0");
    const startDay = cell("開始日").normalize("NFKC").replaceAll("/", "-");
    const endDay = (cell("終了日") || cell("開始日")).normalize("NFKC").replaceAll("/", "-");
    return {
      title: cell("名称"),
      startsAt: jstDateTime(startDay, time(cell("開始時間"))),
      endsAt: jstDateTime(endDay, time(cell("終了時間"))),
      place: cell("場所名称"),
      agenda: cell("説明"),
      liveUrl: cell("配信URL") || null,
      recordingUrl: cell("録画URL") || null,
      minutesUrl: cell("会議録URL") || null,
      pollSurveyId: cell("アンケートID") || null,
    };
  },
};
