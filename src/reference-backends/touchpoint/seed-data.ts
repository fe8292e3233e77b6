import type { Campaign, CampaignStatus, ChannelType, Touchpoint, TouchpointMessage, TouchpointType } from './wire-types.js';

/**
 * The demo data of the touchpoint backend: ten campaigns across every channel and
 * status, each with two to five touchpoints. A few touchpoints are deliberately
 * misconfigured so `validate` has something to report:
 * - "Valentine's Day Gift Guide" › "Last-minute reminder": email message without a subject;
 * - "App Onboarding Journey" › "Feature tour": a WhatsApp text over 4096 characters;
 * - "Q3 Re-engagement" › "Welcome back": a blank WhatsApp text;
 * - "Back to School Early Access" › "Early access invite": email object without a subject.
 */

/** This backend's index among the four kinds; it staggers seed times so the kinds interleave. */
const KIND_INDEX = 3;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Campaign i is created on a 24-day grid shared by the four kinds, offset by the kind. */
const campaignCreatedAt = (i: number) => Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + KIND_INDEX) * 6 * DAY + KIND_INDEX * 37 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
const seedId = (prefix: 'cmp' | 'tp', n: number) => `${prefix}_5eed${n.toString(16).padStart(20, '0')}`;

interface SeedTouchpoint {
  name: string;
  type: TouchpointType;
  message: TouchpointMessage;
}

interface SeedCampaign {
  name: string;
  channel_type: ChannelType;
  status: CampaignStatus;
  /** How long after creation the campaign was last updated. */
  updatedAfter: number;
  touchpoints: SeedTouchpoint[];
}

const ONBOARDING_TOUR =
  'Welcome aboard! Here is everything you can do in the app, step by step. ' +
  'Tap Explore to browse the catalogue, save favourites with the heart icon and share lists with friends. '.repeat(48);

const campaigns: SeedCampaign[] = [
  {
    name: 'New Year Winback',
    channel_type: 'whatsapp',
    status: 'completed',
    updatedAfter: 21 * DAY,
    touchpoints: [
      { name: 'We miss you', type: 'message', message: { text: 'Happy New Year, {{first_name}}! Come back for 20% off your next order.' } },
      { name: 'Wait two days', type: 'delay', message: { duration: 'P2D' } },
      { name: 'Tag as re-engaged', type: 'action', message: { action: 'add_tag', tag: 'winback-2026' } },
    ],
  },
  {
    name: "Valentine's Day Gift Guide",
    channel_type: 'email',
    status: 'completed',
    updatedAfter: 5 * DAY,
    touchpoints: [
      { name: 'Gift guide', type: 'message', message: { subject: 'Gifts they will love', text: 'Our Valentine picks, hand-chosen for every budget.' } },
      { name: 'Wait one day', type: 'delay', message: { duration: 'P1D' } },
      { name: 'Last-minute reminder', type: 'message', message: 'Still looking for a gift? Order by Thursday for delivery on the 14th.' },
    ],
  },
  {
    name: 'Spring Collection Launch',
    channel_type: 'email',
    status: 'completed',
    updatedAfter: 30 * DAY,
    touchpoints: [
      { name: 'Sneak peek', type: 'message', message: { subject: 'A first look at spring', text: 'Fresh colours land next week.', template: 'spring_teaser' } },
      { name: 'Wait until launch', type: 'delay', message: { duration: 'P7D' } },
      { name: 'Launch day', type: 'message', message: { subject: 'The spring collection is here', template: 'spring_launch' } },
      { name: 'Segment openers', type: 'action', message: { action: 'add_to_segment', segment: 'spring-engaged' } },
    ],
  },
  {
    name: 'Easter Flash Sale',
    channel_type: 'sms',
    status: 'paused',
    updatedAfter: 2 * DAY + 4 * HOUR,
    touchpoints: [
      { name: 'Sale opens', type: 'message', message: 'EASTER24: 24 hours of 30% off everything. Shop now: https://shop.example/easter' },
      { name: 'Final hours', type: 'message', message: 'Only 3 hours left on EASTER24. Reply STOP to opt out.' },
    ],
  },
  {
    name: 'App Onboarding Journey',
    channel_type: 'whatsapp',
    status: 'active',
    updatedAfter: 9 * DAY,
    touchpoints: [
      { name: 'Welcome Message', type: 'message', message: { text: 'Hi! Welcome to our service.' } },
      { name: 'Wait a day', type: 'delay', message: { duration: 'P1D' } },
      { name: 'Feature tour', type: 'message', message: { text: ONBOARDING_TOUR } },
      { name: 'Mark onboarded', type: 'action', message: { action: 'set_attribute', attribute: 'onboarded', value: true } },
      { name: 'Ask for a review', type: 'message', message: { template: 'review_request', language: 'en' } },
    ],
  },
  {
    name: 'Memorial Day Weekend Deals',
    channel_type: 'sms',
    status: 'active',
    updatedAfter: 6 * HOUR,
    touchpoints: [
      { name: 'Weekend deals', type: 'message', message: 'Memorial Day deals are live: up to 40% off outdoor gear.' },
      { name: 'Wait until Sunday', type: 'delay', message: '48h' },
      { name: 'Notify store team', type: 'action', message: { action: 'webhook', url: 'https://hooks.example/stores' } },
    ],
  },
  {
    name: "Father's Day Reminders",
    channel_type: 'email',
    status: 'active',
    updatedAfter: 3 * DAY,
    touchpoints: [
      { name: 'Gift ideas for Dad', type: 'message', message: { subject: "Father's Day is June 21", text: 'Grills, gadgets and gift cards he will actually use.' } },
      { name: 'Order-by reminder', type: 'message', message: { subject: 'Last day for delivery by Sunday', template: 'order_by_reminder' } },
    ],
  },
  {
    name: 'Q3 Re-engagement',
    channel_type: 'whatsapp',
    status: 'draft',
    updatedAfter: 1 * HOUR,
    touchpoints: [
      { name: 'Welcome back', type: 'message', message: { text: '   ' } },
      { name: 'Wait three days', type: 'delay', message: { duration: 'P3D' } },
      { name: 'Offer', type: 'message', message: 'Your 15% comeback code: BACK15. Valid for 7 days.' },
    ],
  },
  {
    name: 'Back to School Early Access',
    channel_type: 'email',
    status: 'draft',
    updatedAfter: 2 * DAY,
    touchpoints: [
      { name: 'Early access invite', type: 'message', message: { text: 'Members shop the back-to-school range 48 hours early.' } },
      { name: 'Add to early-access list', type: 'action', message: { action: 'add_to_segment', segment: 'bts-early' } },
    ],
  },
  {
    name: 'Loyalty Tier Upgrade',
    channel_type: 'sms',
    status: 'paused',
    updatedAfter: 12 * DAY,
    touchpoints: [
      { name: 'Upgrade notice', type: 'message', message: "Congrats! You've reached Gold. Enjoy free shipping on every order." },
      { name: 'Wait a week', type: 'delay', message: { duration: 'P7D' } },
      { name: 'Upgrade tier', type: 'action', message: { action: 'set_attribute', attribute: 'tier', value: 'gold' } },
      { name: 'Perks reminder', type: 'message', message: { text: 'Gold perks: early sales, birthday gift, priority support.' } },
    ],
  },
];

/** The seed campaigns, in creation order (oldest first). */
export const SEED_CAMPAIGNS: readonly Campaign[] = campaigns.map((campaign, i) => ({
  _id: seedId('cmp', i + 1),
  name: campaign.name,
  status: campaign.status,
  channel_type: campaign.channel_type,
  created_at: iso(campaignCreatedAt(i)),
  updated_at: iso(campaignCreatedAt(i) + campaign.updatedAfter),
}));

/** The seed touchpoints; each was added 20 minutes after the one before it. */
export const SEED_TOUCHPOINTS: readonly Touchpoint[] = campaigns.flatMap((campaign, i) =>
  campaign.touchpoints.map((touchpoint, position) => ({
    _id: seedId('tp', (i + 1) * 16 + position),
    name: touchpoint.name,
    type: touchpoint.type,
    campaign_id: seedId('cmp', i + 1),
    message: touchpoint.message,
    position,
    created_at: iso(campaignCreatedAt(i) + (position + 1) * 20 * MINUTE),
  })),
);
