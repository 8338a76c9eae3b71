/** The keys history is kept under, built the same way on both sides. Pure, no imports. */
export const tenantHistoryKey = (engineId: string, tenantId: string): string => `${engineId}/${tenantId}`;
export const hostHistoryKey = (hostId: string): string => `host:${hostId}`;
