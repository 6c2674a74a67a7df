/**
 * The 子育てタイムライン's items as data: every procedure, check-up and routine vaccination from
 * pregnancy to school entry, each with its category, link and the trigger its window is worked out
 * from (timeline.ts holds the rules). Words live in the locale files (childcare.items.<id>).
 */
export type Category = "procedure" | "checkup" | "vaccination" | "nursery" | "support";

export interface Offset {
  days?: number;
  months?: number;
}

type Trigger =
  /** From the due date: a pregnancy item (shown while expecting). */
  | { anchor: "due"; from: Offset; to: Offset }
  /** From the birth date (estimated from the due date while expecting). */
  | { anchor: "birth"; from: Offset; to: Offset }
  /** 保育施設 一斉入所: the applications in October for the first April the child is old enough. */
  | { anchor: "nursery" }
  /** The last year before school (年長): MR 2期. */
  | { anchor: "preschoolYear" };

export interface TimelineItem {
  id: string;
  category: Category;
  /** The end is a legal deadline, not only a recommended period. */
  deadline: boolean;
  link: string;
  trigger: Trigger;
  /** Shown while expecting as well (estimated), or only once born. */
  beforeBirth?: boolean;
}

const kodomo = "https://www.city.osaka.lg.jp/kodomo/";
const kenko = "https://www.city.osaka.lg.jp/kenko/";
const months = (n: number): Offset => ({ months: n });
const days = (n: number): Offset => ({ days: n });

/** Youngest age, in days, a 保育施設 takes a child (生後57日). */
export const nurseryMinimumDays = 57;

export const timelineItems: readonly TimelineItem[] = [
  // Pregnancy: 妊娠届 by week 11 (due date − 280 + 77 days), 妊婦健診 until birth, こども家庭センター while expecting.
  {
    id: "pregnancy_report",
    category: "procedure",
    deadline: false,
    link: kodomo,
    trigger: { anchor: "due", from: days(-280), to: days(-203) },
  },
  {
    id: "prenatal_checkups",
    category: "checkup",
    deadline: false,
    link: kodomo,
    trigger: { anchor: "due", from: days(-203), to: days(0) },
  },
  { id: "family_center", category: "support", deadline: false, link: kodomo, trigger: { anchor: "due", from: days(-280), to: days(-1) } },
  // After birth.
  {
    id: "birth_registration",
    category: "procedure",
    deadline: true,
    link: kodomo,
    trigger: { anchor: "birth", from: days(0), to: days(13) },
  },
  { id: "birth_postcard", category: "procedure", deadline: false, link: kodomo, trigger: { anchor: "birth", from: days(0), to: days(13) } },
  { id: "child_allowance", category: "procedure", deadline: true, link: kodomo, trigger: { anchor: "birth", from: days(0), to: days(15) } },
  {
    id: "medical_subsidy",
    category: "procedure",
    deadline: false,
    link: kodomo,
    trigger: { anchor: "birth", from: days(0), to: months(1) },
  },
  { id: "newborn_visit", category: "support", deadline: false, link: kodomo, trigger: { anchor: "birth", from: days(0), to: months(4) } },
  { id: "checkup_1m", category: "checkup", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(1), to: months(2) } },
  { id: "checkup_3m", category: "checkup", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(3), to: months(4) } },
  { id: "checkup_9m", category: "checkup", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(9), to: months(11) } },
  { id: "checkup_18m", category: "checkup", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(18), to: months(24) } },
  { id: "checkup_3y", category: "checkup", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(36), to: months(48) } },
  // Routine vaccinations: the standard windows (ロタ: first dose from 6 weeks, by 14 weeks 6 days).
  { id: "vac_rota", category: "vaccination", deadline: true, link: kenko, trigger: { anchor: "birth", from: days(42), to: days(104) } },
  {
    id: "vac_hepb",
    category: "vaccination",
    deadline: true,
    link: kenko,
    trigger: { anchor: "birth", from: months(2), to: { months: 12, days: -1 } },
  },
  {
    id: "vac_dtp_ipv_hib",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(2), to: months(7) },
  },
  { id: "vac_pcv", category: "vaccination", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(2), to: months(7) } },
  {
    id: "vac_bcg",
    category: "vaccination",
    deadline: true,
    link: kenko,
    trigger: { anchor: "birth", from: months(5), to: { months: 12, days: -1 } },
  },
  {
    id: "vac_pcv_booster",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(12), to: months(15) },
  },
  {
    id: "vac_mr1",
    category: "vaccination",
    deadline: true,
    link: kenko,
    trigger: { anchor: "birth", from: months(12), to: { months: 24, days: -1 } },
  },
  {
    id: "vac_varicella",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(12), to: months(15) },
  },
  {
    id: "vac_dtp_ipv_hib_booster",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(12), to: months(18) },
  },
  {
    id: "vac_varicella_2",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(18), to: months(27) },
  },
  { id: "vac_je", category: "vaccination", deadline: false, link: kenko, trigger: { anchor: "birth", from: months(36), to: months(48) } },
  {
    id: "vac_je_booster",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(48), to: months(60) },
  },
  { id: "vac_mr2", category: "vaccination", deadline: true, link: kenko, trigger: { anchor: "preschoolYear" } },
  {
    id: "vac_je_2",
    category: "vaccination",
    deadline: false,
    link: kenko,
    trigger: { anchor: "birth", from: months(108), to: months(120) },
  },
  // 保育施設 一斉入所 (April entry): forms from September, applications 1–15 October; a second round in January–February.
  { id: "nursery_april", category: "nursery", deadline: true, link: kodomo, trigger: { anchor: "nursery" }, beforeBirth: true },
];
