/**
 * A small app on `campaign-gateway/client`: it lists the campaigns of every
 * backend, creates a campaign with a touchpoint and validates it, then
 * watches a broadcast's delivery counts until the broadcast is done.
 *
 * Against the demo (`npm start`), from a clone of this repository:
 *
 *   GATEWAY_URL=http://127.0.0.1:4000/graphql \
 *     node --conditions=campaign-gateway-source --import tsx examples/app.ts
 *
 * (`--conditions=campaign-gateway-source` runs the client from source; after
 * `npm run build` plain `node` resolves the compiled one.)
 */
import { CampaignGatewayError, createClient, type Campaign } from 'campaign-gateway/client';

const client = createClient({
  url: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
  apiKey: process.env.GATEWAY_KEY,
  // Where create() goes; the demo's touchpoint backend is called "messaging".
  defaultBackend: process.env.APP_BACKEND ?? 'messaging',
});
const broadcastBackend = process.env.APP_BROADCAST_BACKEND ?? 'broadcast';

async function listEverything(): Promise<Campaign[]> {
  const campaigns: Campaign[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.campaign.list({ cursor, limit: 20 });
    for (const failure of page.errors) console.warn(`  (${failure.backend} did not answer: ${failure.code})`);
    campaigns.push(...page.data);
    cursor = page.next;
  } while (cursor);
  return campaigns;
}

async function main(): Promise<void> {
  const campaigns = await listEverything();
  const perBackend = new Map<string, number>();
  for (const campaign of campaigns) perBackend.set(campaign.backend, (perBackend.get(campaign.backend) ?? 0) + 1);
  const counts = [...perBackend].sort().map(([backend, count]) => `${backend} ${count}`);
  console.log(`campaigns: ${campaigns.length} across ${perBackend.size} backends (${counts.join(', ')})`);

  const campaign = await client.campaign.create({ name: `Q3 Re-engagement ${new Date().toISOString()}`, channel_type: 'whatsapp' });
  console.log(`created campaign "${campaign.name}" on ${campaign.backend} (${campaign.status})`);
  const touchpoint = await client.campaign.createTouchpoint({
    name: 'Welcome Message',
    type: 'message',
    campaign_id: campaign._id,
    message: { text: 'Hi! Welcome to our service.' },
  });
  const validation = await client.campaign.validateTouchpoint({ touchpoint_id: touchpoint._id });
  console.log(`touchpoint "${touchpoint.name}": ${validation.valid ? 'valid' : `invalid (${validation.errors.join('; ')})`}`);
  await client.campaign.deleteTouchpoint(touchpoint._id);
  await client.campaign.delete(campaign._id);

  const { data: sending } = await client.campaign.list({ backend: broadcastBackend, status: 'active', limit: 1 });
  const broadcast = sending[0];
  if (!broadcast) {
    console.log(`no broadcast of ${broadcastBackend} is sending right now`);
    return;
  }
  console.log(`watching "${broadcast.name}" on ${broadcast.backend}`);
  for await (const stats of client.campaign.watchDeliveryStats(broadcast._id)) {
    const line = `sent ${stats.sent}/${stats.total ?? '?'}, delivered ${stats.delivered ?? '?'}, failed ${stats.failed ?? '?'}`;
    console.log(stats.done ? `done: ${line}` : `  ${line}${stats.stale ? ' (stale)' : ''}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof CampaignGatewayError) {
    console.error(`${error.code}${error.backend ? ` (${error.backend})` : ''}: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
