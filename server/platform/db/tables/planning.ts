/** The tables of planning: ward population by age band, policies (施策) and indicators (目標・指標). */

/** A ward's population in one age band: the weights of post-stratified results. */
export interface WardPopulationTable {
  wardCode: string;
  ageBand: string;
  population: number;
}

/** 施策: a ward's policy, tagged with the themes it addresses. */
export interface PolicyTable {
  id: string;
  wardCode: string;
  title: string;
  /** Where in the plan it comes from, e.g. "3(1)". */
  chapter: string;
  /** JSON: Theme[] */
  themes: string;
  createdAt: string;
  updatedAt: string;
}

/** 目標・指標: the share choosing some options of a question, tracked year by year against a target. */
export interface IndicatorTable {
  id: string;
  /** null: a city-wide indicator that every ward tracks */
  wardCode: string | null;
  name: string;
  questionId: string;
  /** JSON: option ids */
  optionIds: string;
  baselineYear: number;
  targetYear: number;
  /** The target as a change from the baseline, in percentage points (+10). */
  targetPoints: number;
  createdAt: string;
}

/** One year's value of an indicator in one ward: from a survey in the app, or recorded (share and n). */
export interface IndicatorYearTable {
  indicatorId: string;
  wardCode: string;
  year: number;
  surveyId: string | null;
  recordedShare: number | null;
  recordedN: number | null;
  /** A poll's year: when staff confirmed it may stand in the trend (null: kept out). */
  pollConfirmedAt: string | null;
}
