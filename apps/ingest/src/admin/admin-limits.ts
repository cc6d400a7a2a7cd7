/**
 * Most items one admin request takes. A city's whole network (安康: about 1,700 institutions) or a
 * whole country's divisions (about 3,300) fits one request; the CLI sends smaller chunks anyway,
 * because the HTTP body limit is the ingest app's (see main.ts) and not ours to raise.
 */
export const MAX_ITEMS_PER_REQUEST = 5000;
