import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { csvFile, csvLine, parseCsv } from "../../../../shared/csv";
import { newInvitationCode } from "../../../../shared/surveys/invitation-code";
import { readBatchList, reminderRows } from "./reminder-list";

/** As the server keeps a code (its SHA-256 in hex), and its digest of a batch's list (server/surveys/staff/reminders.ts). */
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const listDigest = (hashes: string[]) => sha256([...hashes].sort().join("\n"));

const codes = Array.from({ length: 5 }, () => newInvitationCode(randomBytes(15)));
/** A batch's CSV after staff merged addresses into it and sorted it by address (a column of their own). */
const batchCsv = csvFile([
  csvLine(["通し番号", "招待コード", "回答用URL（QRコードの内容）", "宛先"]),
  ...codes.map((code, i) => csvLine([i + 1, code, `https://machikoe.example.jp/c/${code}`, `北区${5 - i}丁目`])).reverse(),
]);

describe("a reminder's rows from the batch's CSV", () => {
  it("hashes each code as the server stores it, and proves the list with the server's digest, whatever the rows' order", async () => {
    const list = await readBatchList(batchCsv);
    expect(list?.rows.map((row) => row.hash).sort()).toEqual(codes.map(sha256).sort());
    expect(list?.digest).toBe(listDigest(codes.map(sha256)));
  });

  it("keeps the rows of the unused codes with every column, the staff's own included", async () => {
    const list = await readBatchList(batchCsv);
    if (!list) throw new Error("no list");
    const unused = [codes[1], codes[3]].map((code) => sha256(code as string));
    const { rows, csv } = reminderRows(list, unused);
    expect(rows.map((row) => row.code).sort()).toEqual([codes[1], codes[3]].sort());
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(["通し番号", "招待コード", "回答用URL（QRコードの内容）", "宛先"]);
    expect(
      parsed
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(["2", "4"]);
    expect(parsed.find((row) => row[1] === codes[1])?.[3]).toBe("北区4丁目");
  });

  it("reads no list from a file without codes", async () => {
    expect(await readBatchList(csvFile([csvLine(["a", "b"]), csvLine(["1", "not a code"])]))).toBeNull();
  });
});
