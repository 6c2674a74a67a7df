/**
 * A survey whose words the ward changes while a resident is answering it (issue 13, deliverable 6): the
 * resident, coming back online, is told the survey changed, with its new version, sees the new words, and
 * keeps the answers given so far.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Survey, SurveySummary } from "../../shared/surveys/model";
import { serverAndBrowserForThisFile } from "./harness";

const app = serverAndBrowserForThisFile();
const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function staffHeaders() {
  const login = await fetch(`${app.server.url}/api/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "kita.demo", password: "kita-demo-password" }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
}

describe("a survey reworded while a resident answers it", () => {
  it("tells the resident it changed, shows the new words and keeps the answers so far", async () => {
    const summaries = ((await (await fetch(`${app.server.url}/api/surveys?ward=27127`)).json()) as { surveys: SurveySummary[] }).surveys;
    const poll = summaries.find((s) => s.kind === "poll" && s.ward === "27127") as SurveySummary;
    const survey = (await (await fetch(`${app.server.url}/api/surveys/${poll.id}`)).json()) as Survey;
    const first = survey.definition.questions[0];
    if (first?.type !== "single") throw new Error("unexpected demo poll");

    const context = await app.browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/surveys/${poll.id}`);
    const option = page.getByRole("radio", { name: first.options[0]?.label.ja, exact: true });
    await option.check();
    await expect.poll(() => option.isChecked()).toBe(true);

    // The ward rewords the first question while the survey is open.
    const headers = await staffHeaders();
    const staffCopy = (await (await fetch(`${app.server.url}/api/staff/surveys/${poll.id}`, { headers })).json()) as {
      ward: string | null;
      kind: string;
      resultsPublic: boolean;
      opensAt: string;
      closesAt: string;
      version: number;
      definition: Survey["definition"];
    };
    const definition = structuredClone(staffCopy.definition);
    const question = definition.questions[0] as { text: Record<string, string> };
    question.text = { ...question.text, ja: `${question.text.ja}（言い方を改めました）` };
    const edited = await fetch(`${app.server.url}/api/staff/surveys/${poll.id}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({
        ward: staffCopy.ward,
        kind: staffCopy.kind,
        resultsPublic: staffCopy.resultsPublic,
        opensAt: staffCopy.opensAt,
        closesAt: staffCopy.closesAt,
        version: staffCopy.version,
        definition,
      }),
    });
    expect(edited.status).toBe(200);
    const { version } = (await edited.json()) as { version: number };

    await page.reload();
    await page
      .getByRole("status")
      .filter({ hasText: `区がこのアンケートの文言を変えました（第${version}版）` })
      .waitFor();
    expect(await page.locator("main").innerText()).toContain("（言い方を改めました）");
    expect(await page.getByRole("radio", { name: first.options[0]?.label.ja, exact: true }).isChecked()).toBe(true);
  });
});
