import type { CampaignRecord, Workflow, WorkflowEdge, WorkflowNode } from './campaign-store.js';

/** This kind's index in the cross-backend seed-date formula (workspace 0, v2 1, schemaType 2, touchpoint 3). */
const KIND_INDEX = 0;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `createdAt` of seed campaign `i`, spaced so the four kinds' campaigns interleave in time. */
function createdAtOf(i: number): number {
  return Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + KIND_INDEX) * 6 * DAY + KIND_INDEX * 37 * MINUTE;
}

const iso = (ms: number) => new Date(ms).toISOString();

type SeedNode = Pick<WorkflowNode, 'id' | 'kind' | 'type' | 'name' | 'config'>;

/** Nodes in workflow order; each node's `position` is its index. */
function workflow(nodes: SeedNode[], edges: [string, string][]): Workflow {
  return {
    nodes: nodes.map((node, position) => ({ ...node, position })),
    edges: edges.map(([source, target]): WorkflowEdge => ({ source, target })),
  };
}

interface SeedCampaign extends Omit<CampaignRecord, 'createdAt' | 'updatedAt' | 'startAt' | 'endAt'> {
  /** Hours between `createdAt` and `updatedAt`. */
  updatedAfterHours: number;
  /** Days after `createdAt`, or null for no date. */
  startAfterDays: number | null;
  endAfterDays: number | null;
}

const quietNights = { start: '22:00', end: '08:00' };

const campaigns: SeedCampaign[] = [
  {
    id: 'cmp_welcome_series',
    name: 'Welcome Series',
    description: 'Onboarding sequence for new signups: welcome email, then a nudge two days later',
    status: 'ACTIVE',
    type: 'AUTOMATED',
    updatedAfterHours: 23.5,
    startAfterDays: 1,
    endAfterDays: null,
    settings: { frequencyCap: 3, quietHours: quietNights, timezone: 'Europe/Berlin' },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', name: 'Joined "New signups"', config: { segmentId: 'seg_new_signups' } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Welcome email',
          config: { channel: 'EMAIL', subject: 'Welcome aboard, {{contact.firstName}}!', body: 'Thanks for joining. Here is how to get started in five minutes.' },
        },
        { id: 'n3', kind: 'DELAY', type: 'LONG_DELAY', name: 'Wait 2 days', config: { days: 2 } },
        {
          id: 'n4', kind: 'CONDITION', type: 'ATTRIBUTE_CHECK', name: 'Onboarding finished?',
          config: { attribute: 'onboarding_completed', operator: 'equals', value: false },
        },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Getting-started push',
          config: { channel: 'PUSH', title: 'Finish setting up', body: 'Two steps left to get the most out of your account.' },
        },
        { id: 'n6', kind: 'ACTION', type: 'SET_FIELD', name: 'Mark as nudged', config: { field: 'onboarding_stage', value: 'nudged' } },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5'], ['n5', 'n6']],
    ),
    enrollments: 5240,
    messages: 9218,
    enrolledContacts: ['ct_1001', 'ct_1002', 'ct_1003'],
  },
  {
    id: 'cmp_abandoned_cart',
    name: 'Abandoned Cart Recovery',
    description: 'Reminds shoppers about items left in the cart, with a subject-line A/B test',
    status: 'ACTIVE',
    type: 'AUTOMATED',
    updatedAfterHours: 50,
    startAfterDays: null,
    endAfterDays: null,
    settings: { frequencyCap: 2, quietHours: quietNights },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'EVENT', name: 'Cart abandoned', config: { eventType: 'cart_abandoned' } },
        { id: 'n2', kind: 'DELAY', type: 'SHORT_DELAY', name: 'Wait 45 minutes', config: { minutes: 45 } },
        {
          id: 'n3', kind: 'CONDITION', type: 'EVENT_CHECK', name: 'Ordered meanwhile?',
          config: { eventType: 'order_completed', withinHours: 1 },
        },
        { id: 'n4', kind: 'CONDITION', type: 'AB_SPLIT', name: 'Reminder subject test', config: { variants: ['A', 'B'], weights: [50, 50] } },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Reminder A',
          config: { channel: 'EMAIL', subject: 'You left something behind', body: 'Your cart is saved. Complete your order in one click.' },
        },
        {
          id: 'n6', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Reminder B',
          config: { channel: 'EMAIL', subject: 'Your cart expires tonight', body: 'Items in your cart are selling fast.' },
        },
        { id: 'n7', kind: 'DELAY', type: 'LONG_DELAY', name: 'Wait 1 day', config: { hours: 24 } },
        {
          id: 'n8', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Last-chance push',
          config: { channel: 'PUSH', title: 'Still thinking it over?', body: 'Free shipping on your cart until midnight.' },
        },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5'], ['n4', 'n6'], ['n5', 'n7'], ['n6', 'n7'], ['n7', 'n8']],
    ),
    enrollments: 1876,
    messages: 3409,
    enrolledContacts: ['ct_1001'],
  },
  {
    id: 'cmp_spring_sale',
    name: 'Spring Sale Announcement',
    description: 'Two-week spring sale, hero image tested on email with an on-site banner',
    status: 'COMPLETED',
    type: 'BROADCAST',
    updatedAfterHours: 41 * 24,
    startAfterDays: 26,
    endAfterDays: 40,
    settings: { frequencyCap: 1, sendRate: { perMinute: 2000 } },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SCHEDULED', name: 'Sale kickoff', config: { at: iso(createdAtOf(2) + 26 * DAY) } },
        { id: 'n2', kind: 'CONDITION', type: 'AB_SPLIT', name: 'Hero image test', config: { variants: ['A', 'B'] } },
        {
          id: 'n3', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Sale email (tulips)',
          config: { channel: 'EMAIL', subject: 'Spring Sale: 30% off everything', body: 'Fresh deals for a fresh season.' },
        },
        {
          id: 'n4', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Sale email (sunrise)',
          config: { channel: 'EMAIL', subject: 'Spring Sale starts now', body: 'Thirty percent off, two weeks only.' },
        },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Sale banner',
          config: { channel: 'ON_SITE', placement: 'top_banner', body: 'Spring Sale: 30% off until April 3' },
        },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n2', 'n4'], ['n3', 'n5'], ['n4', 'n5']],
    ),
    enrollments: 48210,
    messages: 96420,
  },
  {
    id: 'cmp_winback_lapsed',
    name: 'Win-back Lapsed Customers',
    description: 'Customers inactive for 30 days get a coupon by email, then on Telegram if they opted in',
    status: 'PAUSED',
    type: 'AUTOMATED',
    updatedAfterHours: 9 * 24 + 4,
    startAfterDays: 2,
    endAfterDays: null,
    settings: { frequencyCap: 2, quietHours: quietNights, pausedReason: 'Coupon budget review' },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SEGMENT_EXIT', name: 'Left "Active last 30 days"', config: { segmentId: 'seg_active_30d' } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'We miss you',
          config: { channel: 'EMAIL', subject: 'We miss you - here is 15% off', body: 'Use code COMEBACK15 at checkout.' },
        },
        { id: 'n3', kind: 'DELAY', type: 'LONG_DELAY', name: 'Wait a week', config: { days: 7 } },
        {
          id: 'n4', kind: 'CONDITION', type: 'ATTRIBUTE_CHECK', name: 'Telegram opt-in?',
          config: { attribute: 'telegram_opt_in', operator: 'equals', value: true },
        },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Telegram coupon reminder',
          config: { channel: 'TELEGRAM', text: 'Your COMEBACK15 coupon expires in 3 days.' },
        },
        { id: 'n6', kind: 'ACTION', type: 'ADD_TAG', name: 'Tag win-back', config: { tag: 'winback_2026' } },
        { id: 'n7', kind: 'ACTION', type: 'UPDATE_SCORE', name: 'Lower lead score', config: { delta: -10 } },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5'], ['n5', 'n6'], ['n6', 'n7']],
    ),
    enrollments: 3112,
    messages: 4107,
  },
  {
    id: 'cmp_order_confirmation',
    name: 'Order Confirmation',
    description: 'Receipt by email and push for every order, mirrored to the fulfilment webhook',
    status: 'ACTIVE',
    type: 'TRANSACTIONAL',
    updatedAfterHours: 3,
    startAfterDays: null,
    endAfterDays: null,
    settings: { bypassQuietHours: true, bypassFrequencyCap: true },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'EVENT', name: 'Order placed', config: { eventType: 'order_placed' } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Order receipt',
          config: { channel: 'EMAIL', subject: 'Your order {{order.number}} is confirmed', body: 'Thanks for your order. Your receipt is attached.' },
        },
        {
          id: 'n3', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Order confirmed push',
          config: { channel: 'PUSH', title: 'Order confirmed', body: 'We will let you know when it ships.' },
        },
        {
          id: 'n4', kind: 'ACTION', type: 'WEBHOOK', name: 'Notify fulfilment',
          config: { url: 'https://fulfilment.example.com/hooks/orders', method: 'POST' },
        },
      ],
      [['n1', 'n2'], ['n1', 'n3'], ['n1', 'n4']],
    ),
    enrollments: 22904,
    messages: 45808,
  },
  {
    id: 'cmp_trial_ending',
    name: 'Trial Ending Reminder',
    description: 'Nudges trial users before the trial ends and hands unconverted ones to sales',
    status: 'ACTIVE',
    type: 'AUTOMATED',
    updatedAfterHours: 6 * 24,
    startAfterDays: null,
    endAfterDays: null,
    settings: { frequencyCap: 2 },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'EVENT', name: 'Trial ends in 3 days', config: { eventType: 'trial_ending_soon' } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Trial reminder',
          config: { channel: 'EMAIL', subject: 'Your trial ends in 3 days', body: 'Keep your projects: pick a plan today.' },
        },
        { id: 'n3', kind: 'DELAY', type: 'LONG_DELAY', name: 'Wait 2 days', config: { days: 2 } },
        {
          id: 'n4', kind: 'CONDITION', type: 'EVENT_CHECK', name: 'Subscribed?',
          config: { eventType: 'subscription_started', withinDays: 2 },
        },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'In-app upgrade prompt',
          config: { channel: 'ON_SITE', placement: 'modal', body: 'Your trial ends tomorrow. Upgrade now to keep your data.' },
        },
        { id: 'n6', kind: 'ACTION', type: 'UPDATE_SCORE', name: 'Raise lead score', config: { delta: 15 } },
        {
          id: 'n7', kind: 'ACTION', type: 'NOTIFY_INBOX', name: 'Hand to sales',
          config: { team: 'sales', note: 'Trial about to expire without an upgrade' },
        },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5'], ['n5', 'n6'], ['n6', 'n7']],
    ),
    enrollments: 964,
    messages: 1702,
    enrolledContacts: ['ct_2001'],
  },
  {
    id: 'cmp_summer_webinar',
    name: 'Summer Webinar Invite',
    description: 'Invitation to the July product webinar, three subject lines under test',
    status: 'DRAFT',
    type: 'BROADCAST',
    updatedAfterHours: 28,
    startAfterDays: 42,
    endAfterDays: 43,
    settings: { frequencyCap: 1, quietHours: quietNights },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'MANUAL', name: 'Send when approved', config: {} },
        { id: 'n2', kind: 'CONDITION', type: 'AB_SPLIT', name: 'Subject line test', config: { variants: ['A', 'B', 'C'] } },
        {
          id: 'n3', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Invite (agenda)',
          config: { channel: 'EMAIL', subject: 'Join us: what is new this summer', body: 'Live demo and Q&A on July 10.' },
        },
        {
          id: 'n4', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Invite (speaker)',
          config: { channel: 'EMAIL', subject: 'Our CTO goes live on July 10', body: 'Save your seat for the summer webinar.' },
        },
        {
          id: 'n5', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Invite (telegram)',
          config: { channel: 'TELEGRAM', text: 'Summer webinar on July 10 - reply YES to get the link.' },
        },
        { id: 'n6', kind: 'ACTION', type: 'ADD_TAG', name: 'Tag invited', config: { tag: 'webinar_invited' } },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n2', 'n4'], ['n2', 'n5'], ['n3', 'n6'], ['n4', 'n6'], ['n5', 'n6']],
    ),
    enrollments: 0,
    messages: 0,
  },
  {
    id: 'cmp_loyalty_gold',
    name: 'Loyalty Tier Upgrade',
    description: 'Celebrates customers who reach the gold tier',
    status: 'ACTIVE',
    type: 'AUTOMATED',
    updatedAfterHours: 12,
    startAfterDays: null,
    endAfterDays: null,
    settings: { frequencyCap: 1 },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SEGMENT_ENTRY', name: 'Reached gold', config: { segmentId: 'seg_gold_tier' } },
        { id: 'n2', kind: 'ACTION', type: 'SET_FIELD', name: 'Set tier', config: { field: 'loyalty_tier', value: 'gold' } },
        {
          id: 'n3', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Gold push',
          config: { channel: 'PUSH', title: 'You are gold now', body: 'Free express shipping is unlocked.' },
        },
        {
          id: 'n4', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Gold perks email',
          config: { channel: 'EMAIL', subject: 'Welcome to Gold', body: 'Here is everything your new tier includes.' },
        },
        { id: 'n5', kind: 'ACTION', type: 'ADD_TAG', name: 'Tag gold', config: { tag: 'gold_member' } },
      ],
      [['n1', 'n2'], ['n2', 'n3'], ['n3', 'n4'], ['n4', 'n5']],
    ),
    enrollments: 731,
    messages: 1462,
  },
  {
    id: 'cmp_telegram_launch',
    name: 'Telegram Community Launch',
    description: 'Opens the Telegram community to everyone on the waitlist',
    status: 'DRAFT',
    type: 'BROADCAST',
    updatedAfterHours: 2,
    startAfterDays: 47,
    endAfterDays: null,
    settings: {},
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SCHEDULED', name: 'Launch day', config: { at: iso(createdAtOf(8) + 47 * DAY) } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Community invite',
          config: { channel: 'TELEGRAM', text: 'The community is open! Tap to join.' },
        },
        {
          id: 'n3', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Community banner',
          config: { channel: 'ON_SITE', placement: 'top_banner', body: 'Join our new Telegram community' },
        },
        { id: 'n4', kind: 'ACTION', type: 'REMOVE_TAG', name: 'Clear waitlist tag', config: { tag: 'community_waitlist' } },
      ],
      [['n1', 'n2'], ['n1', 'n3'], ['n2', 'n4']],
    ),
    enrollments: 0,
    messages: 0,
  },
  {
    id: 'cmp_back_to_school',
    name: 'Back-to-School Promo',
    description: 'Student discount for the start of term',
    status: 'ARCHIVED',
    type: 'BROADCAST',
    updatedAfterHours: 37 * 24,
    startAfterDays: 11,
    endAfterDays: 32,
    settings: { frequencyCap: 1, audience: 'students' },
    workflow: workflow(
      [
        { id: 'n1', kind: 'TRIGGER', type: 'SCHEDULED', name: 'Term start', config: { at: iso(createdAtOf(9) + 11 * DAY) } },
        {
          id: 'n2', kind: 'ACTION', type: 'SEND_MESSAGE', name: 'Student discount',
          config: { channel: 'EMAIL', subject: '20% off for students', body: 'Verify your student email to unlock the discount.' },
        },
      ],
      [['n1', 'n2']],
    ),
    enrollments: 15230,
    messages: 15230,
  },
];

/** The demo campaigns of workspace `ws_demo`, oldest first. Ids and dates are the same on every start. */
export const seedCampaigns: readonly CampaignRecord[] = campaigns.map(
  ({ updatedAfterHours, startAfterDays, endAfterDays, ...campaign }, i) => {
    const createdAt = createdAtOf(i);
    return {
      ...campaign,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt + updatedAfterHours * HOUR),
      startAt: startAfterDays === null ? null : iso(createdAt + startAfterDays * DAY),
      endAt: endAfterDays === null ? null : iso(createdAt + endAfterDays * DAY),
    };
  },
);
