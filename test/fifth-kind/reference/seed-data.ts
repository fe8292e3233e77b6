import type { StoredBulletin } from './bulletin-store.js';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The notice board's bulletins: a neighbourhood association's mail, text and
 * push notices over 2026, in every phase. Two were opened in the same second
 * (ties the gateway orders by id).
 */
export const SEED_BULLETINS: readonly StoredBulletin[] = [
  { ref: 'blt-1001', headline: 'Winter street cleaning', phase: 'posted', media: ['mail', 'text'], opened: at('2026-01-12T08:00:00Z'), touched: at('2026-01-14T09:30:00Z'), reach: { sent: 840, delivered: 812, bounced: 28 } },
  { ref: 'blt-1002', headline: 'Annual assembly', phase: 'posted', media: ['mail'], opened: at('2026-02-03T17:45:00Z'), touched: at('2026-02-05T10:00:00Z'), reach: { sent: 1210, delivered: 1190, bounced: 20 } },
  { ref: 'blt-1003', headline: 'Water main works on Elm Road', phase: 'posted', media: ['text', 'push'], opened: at('2026-03-09T06:30:00Z'), touched: at('2026-03-09T07:10:00Z'), reach: { sent: 430, delivered: 428, bounced: 2 } },
  { ref: 'blt-1004', headline: 'Spring market stalls', phase: 'withdrawn', media: ['mail'], opened: at('2026-04-01T12:00:00Z'), touched: at('2026-04-02T12:00:00Z'), reach: { sent: 0, delivered: 0, bounced: 0 } },
  { ref: 'blt-1005', headline: 'Playground reopening', phase: 'posted', media: ['push'], opened: at('2026-05-15T15:20:00Z'), touched: at('2026-05-16T08:00:00Z'), reach: { sent: 650, delivered: 611, bounced: 39 } },
  { ref: 'blt-1006', headline: 'Summer festival volunteers', phase: 'sending', media: ['mail', 'push'], opened: at('2026-06-20T09:00:00Z'), touched: at('2026-06-21T09:00:00Z'), reach: { sent: 300, delivered: 240, bounced: 6 } },
  { ref: 'blt-1007', headline: 'Heat warning', phase: 'posted', media: ['text'], opened: at('2026-07-08T11:00:00Z'), touched: at('2026-07-08T11:05:00Z'), reach: { sent: 1500, delivered: 1497, bounced: 3 } },
  { ref: 'blt-1008', headline: 'Bin collection changes', phase: 'queued', media: ['mail'], opened: at('2026-08-18T14:00:00Z'), touched: at('2026-08-18T14:00:00Z'), reach: { sent: 0, delivered: 0, bounced: 0 } },
  { ref: 'blt-1009', headline: 'Autumn clean-up day', phase: 'drafting', media: ['mail', 'text'], opened: at('2026-08-18T14:00:00Z'), touched: at('2026-08-19T10:00:00Z'), reach: { sent: 0, delivered: 0, bounced: 0 } },
  { ref: 'blt-1010', headline: 'Library late hours', phase: 'drafting', media: [], opened: at('2026-09-02T16:40:00Z'), touched: at('2026-09-02T16:40:00Z'), reach: { sent: 0, delivered: 0, bounced: 0 } },
];
