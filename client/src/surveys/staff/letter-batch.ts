/** The name a batch of letters' mail-merge CSV is saved under (the reminder asks for that file back by it). */
export const batchFileName = (batchId: string) => `letters-${batchId.slice(0, 8)}.csv`;
