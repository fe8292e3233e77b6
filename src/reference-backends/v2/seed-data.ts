import type { MessageStatus } from './campaign-store.js';
import type { CampaignClient } from './requests.js';
import type { V2Template } from './templates.js';

/**
 * The demo data of the v2 backend: WhatsApp templates and ten campaigns.
 * Message states follow the delivery rules (numbers ending in 7 are unreachable,
 * ending in 3 fail after the first send), so the demo stays consistent as it moves.
 */

/** A seeded campaign; ids are assigned in this order, starting at 380. */
export interface SeedCampaign {
  name: string;
  templateId: string;
  createdAt: number;
  updatedAt: number;
  /** Absent when the campaign was sent immediately. */
  sendAt?: number;
  clients: CampaignClient[];
  /** Each client's message status, in client order. */
  outcomes: MessageStatus[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** This kind's index in the cross-backend createdAt interleaving. */
const KIND_INDEX = 1;

/** Campaign `i`'s createdAt, interleaved with the other three backends' seeds. */
export function seedCreatedAt(i: number): number {
  return Date.UTC(2026, 0, 5, 9, 0, 0) + (i * 4 + KIND_INDEX) * 6 * DAY + KIND_INDEX * 37 * MINUTE;
}

/** A WhatsApp Cloud-style template payload whose parameters are `{{first}}`…`{{last}}`. */
function payload(name: string, code: string, body: number[], headerImage?: number): string {
  const text = (n: number) => ({ type: 'text', text: `{{${n}}}` });
  const components: unknown[] = [];
  if (headerImage !== undefined) {
    components.push({ type: 'header', parameters: [{ type: 'image', image: { link: `{{${headerImage}}}` } }] });
  }
  components.push({ type: 'body', parameters: body.map(text) });
  return JSON.stringify({
    to: '<accountID>',
    type: 'template',
    template: {
      namespace: 'b2f61c7e_4a09_4d3b_9e55_c81a07f3d2e4',
      language: { policy: 'deterministic', code },
      name,
      components,
    },
  });
}

export const seedTemplates: V2Template[] = [
  {
    id: 'c8630dcb-dc36-4968-8ca4-26a78893c1e6',
    name: 'order_confirmation',
    language: 'en_US',
    body: 'Hi {{1}}, thank you for your order {{2}}! We will message you again as soon as it ships.',
    json: payload('order_confirmation', 'en_US', [1, 2]),
  },
  {
    id: '2e6a9f30-8c1b-4d57-a3e9-5b0f7c2d4a16',
    name: 'welcome_back',
    language: 'en_US',
    body: 'We are happy to see you back again, {{2}}! Enjoy 15% off your next order with us.',
    json: payload('welcome_back', 'en_US', [2], 1),
  },
  {
    id: '5f0c2a8e-3b1d-4e7a-9c44-0d2b8f6e1a73',
    name: 'ramadan_offer',
    language: 'ar',
    body: 'رمضان كريم {{1}}! استخدم الكود {{2}} واحصل على خصم {{3}} على جميع مشترياتك حتى نهاية الشهر.',
    json: payload('ramadan_offer', 'ar', [1, 2, 3]),
  },
  {
    id: 'd41f8b6c-0e27-4a93-8f5d-3c9a1e7b2f60',
    name: 'delivery_update',
    language: 'en_US',
    body: 'Good news {{1}}! Your parcel {{2}} is out for delivery and should arrive today before {{3}}.',
    json: payload('delivery_update', 'en_US', [1, 2, 3]),
  },
  {
    id: '9b7e4d12-6a3f-4c85-b1e0-7f2d9a5c3e48',
    name: 'appointment_reminder',
    language: 'en_US',
    body: 'Hello {{1}}, this is a reminder of your appointment at {{2}} on {{3}}. Reply 1 to confirm or 2 to reschedule.',
    json: payload('appointment_reminder', 'en_US', [1, 2, 3]),
  },
  {
    id: '7a3d5e91-2c84-4b60-9f17-e0b6c4a8d235',
    name: 'flash_sale',
    language: 'en_US',
    body: '{{1}}, our White Friday sale is live! Use code {{2}} for {{3}} off everything, today only.',
    json: payload('flash_sale', 'en_US', [1, 2, 3]),
  },
];

const [orderConfirmation, welcomeBack, ramadanOffer, deliveryUpdate, appointmentReminder, flashSale] = seedTemplates.map(
  (template) => template.id,
) as [string, string, string, string, string, string];

const client = (AccountID: string, ...Params: string[]): CampaignClient => ({ AccountID, Params });

/** The next whole hour at least `days` after `now`, so scheduled times read naturally. */
const hoursAhead = (now: number, days: number) => Math.ceil((now + days * DAY) / HOUR) * HOUR;

/** The ten demo campaigns; `now` places the scheduled ones in the future. */
export function seedCampaigns(now: number): SeedCampaign[] {
  const at = seedCreatedAt;
  return [
    {
      name: 'New Year Clearance – Order Follow-up',
      templateId: orderConfirmation,
      createdAt: at(0),
      updatedAt: at(0) + 2 * HOUR,
      clients: [
        client('+966539078942', 'Faisal', 'ORD-10231'),
        client('+966501234568', 'Noura', 'ORD-10232'),
        client('+971501112240', 'Omar', 'ORD-10240'),
        client('+966555012391', 'Reem', 'ORD-10244'),
        client('+201001234566', 'Mostafa', 'ORD-10251'),
        client('+96597001125', 'Dana', 'ORD-10258'),
      ],
      outcomes: ['read', 'delivered', 'read', 'delivered', 'delivered', 'read'],
    },
    {
      name: 'Winter Loyalty – Welcome Back',
      templateId: welcomeBack,
      createdAt: at(1),
      updatedAt: at(1) + 2 * HOUR,
      clients: [
        client('+966541120988', 'https://cdn.example.com/loyalty/winter-hero.png', 'Khalid'),
        client('+966561340021', 'https://cdn.example.com/loyalty/winter-hero.png', 'Sara'),
        client('+971552204416', 'https://cdn.example.com/loyalty/winter-hero.png', 'Hessa'),
        client('+966598860233', 'https://cdn.example.com/loyalty/winter-hero.png', 'Yousef'),
        client('+97466104450', 'https://cdn.example.com/loyalty/winter-hero.png', 'Maha'),
      ],
      outcomes: ['delivered', 'read', 'read', 'failed', 'delivered'],
    },
    {
      name: 'Legacy CRM Import – Ramadan Preview',
      templateId: ramadanOffer,
      createdAt: at(2),
      updatedAt: at(2) + 3 * MINUTE,
      clients: [
        client('+966500000017', 'عبدالله', 'RMD26', '10%'),
        client('+966500000027', 'منى', 'RMD26', '10%'),
        client('+966500000037', 'سلمان', 'RMD26', '10%'),
      ],
      outcomes: ['failed', 'failed', 'failed'],
    },
    {
      name: 'Ramadan Kareem Offer 2026',
      templateId: ramadanOffer,
      createdAt: at(3),
      sendAt: at(3) + 2 * DAY,
      updatedAt: at(3) + 2 * DAY + 2 * HOUR,
      clients: [
        client('+966539078942', 'فيصل', 'KAREEM25', '25%'),
        client('+966501234568', 'نورة', 'KAREEM25', '25%'),
        client('+966555012391', 'ريم', 'KAREEM25', '25%'),
        client('+966541120988', 'خالد', 'KAREEM25', '25%'),
        client('+966561340021', 'سارة', 'KAREEM25', '25%'),
        client('+966570031447', 'ماجد', 'KAREEM25', '25%'),
        client('+971501112240', 'عمر', 'KAREEM25', '25%'),
        client('+96597001125', 'دانة', 'KAREEM25', '25%'),
      ],
      outcomes: ['read', 'read', 'delivered', 'read', 'delivered', 'failed', 'read', 'delivered'],
    },
    {
      name: 'Eid al-Fitr Delivery Updates',
      templateId: deliveryUpdate,
      createdAt: at(4),
      updatedAt: at(4) + 2 * HOUR,
      clients: [
        client('+966539078942', 'Faisal', 'SPX-4481902', '6:00 PM'),
        client('+966555012391', 'Reem', 'SPX-4481917', '6:00 PM'),
        client('+971552204416', 'Hessa', 'ARX-2290054', '8:00 PM'),
        client('+201001234566', 'Mostafa', 'EGP-7719020', '9:00 PM'),
        client('+966598860234', 'Yousef', 'SPX-4481955', '6:00 PM'),
      ],
      outcomes: ['delivered', 'read', 'delivered', 'delivered', 'read'],
    },
    {
      name: 'Dental Clinic Reminders – May',
      templateId: appointmentReminder,
      createdAt: at(5),
      updatedAt: at(5) + 2 * HOUR,
      clients: [
        client('+966561340021', 'Sara', 'Smile Dental, Olaya', '14 May 2026, 10:30'),
        client('+966541120988', 'Khalid', 'Smile Dental, Olaya', '14 May 2026, 11:15'),
        client('+966580044913', 'Lama', 'Smile Dental, Malqa', '15 May 2026, 16:00'),
        client('+966501234568', 'Noura', 'Smile Dental, Malqa', '15 May 2026, 17:45'),
      ],
      outcomes: ['read', 'delivered', 'failed', 'read'],
    },
    {
      name: 'Winter Collection Early Access',
      templateId: welcomeBack,
      createdAt: at(6),
      updatedAt: at(6) + 4 * MINUTE,
      sendAt: hoursAhead(now, 10),
      clients: [
        client('+966539078942', 'https://cdn.example.com/campaigns/winter-early-access.png', 'Faisal'),
        client('+971501112240', 'https://cdn.example.com/campaigns/winter-early-access.png', 'Omar'),
        client('+97466104450', 'https://cdn.example.com/campaigns/winter-early-access.png', 'Maha'),
        client('+966555012391', 'https://cdn.example.com/campaigns/winter-early-access.png', 'Reem'),
      ],
      outcomes: ['pending', 'pending', 'pending', 'pending'],
    },
    {
      name: 'Back-to-School Order Confirmations',
      templateId: orderConfirmation,
      createdAt: at(7),
      updatedAt: at(7) + 25 * MINUTE,
      clients: [
        client('+966541120988', 'Khalid', 'ORD-20877'),
        client('+966561340021', 'Sara', 'ORD-20881'),
        client('+201224578810', 'Hana', 'ORD-20894'),
        client('+966590117207', 'Turki', 'ORD-20902'),
      ],
      outcomes: ['delivered', 'sent', 'pending', 'pending'],
    },
    {
      name: 'White Friday Flash Sale – VIP',
      templateId: flashSale,
      createdAt: at(8),
      updatedAt: at(8) + 25 * MINUTE,
      clients: [
        client('+966539078942', 'Faisal', 'WF-VIP40', '40%'),
        client('+966501234568', 'Noura', 'WF-VIP40', '40%'),
        client('+966555012391', 'Reem', 'WF-VIP40', '40%'),
        client('+971501112240', 'Omar', 'WF-VIP40', '40%'),
        client('+971552204416', 'Hessa', 'WF-VIP40', '40%'),
        client('+96597001125', 'Dana', 'WF-VIP40', '40%'),
        client('+966570031447', 'Majed', 'WF-VIP40', '40%'),
        client('+966598860233', 'Yousef', 'WF-VIP40', '40%'),
        client('+97466104450', 'Maha', 'WF-VIP40', '40%'),
        client('+966580044912', 'Lama', 'WF-VIP40', '40%'),
        client('+201001234566', 'Mostafa', 'WF-VIP40', '40%'),
        client('+966522230087', 'Bader', 'WF-VIP40', '40%'),
      ],
      outcomes: ['delivered', 'read', 'delivered', 'read', 'delivered', 'delivered', 'failed', 'failed', 'sent', 'sent', 'pending', 'pending'],
    },
    {
      name: 'Clinic Reminders – December',
      templateId: appointmentReminder,
      createdAt: at(9),
      updatedAt: at(9) + 4 * MINUTE,
      sendAt: hoursAhead(now, 3),
      clients: [
        client('+966561340021', 'Sara', 'Smile Dental, Olaya', '2 Dec 2026, 10:30'),
        client('+966580044912', 'Lama', 'Smile Dental, Malqa', '2 Dec 2026, 12:00'),
        client('+966541120988', 'Khalid', 'Smile Dental, Olaya', '3 Dec 2026, 09:15'),
      ],
      outcomes: ['pending', 'pending', 'pending'],
    },
  ];
}
