import { badInput } from '../../../src/model/errors.js';
import type { Channel } from '../../../src/model/enums.js';
import type { CreateCampaignInput } from '../../../src/model/write-inputs.js';
import type { WireNewBulletin } from './wire.js';

const MEDIUM: Partial<Record<Channel, string>> = { EMAIL: 'mail', SMS: 'text', PUSH: 'push' };

/** The create fields a bulletin has no place for: refused by name rather than dropped. */
const UNHONOURED = ['description', 'type', 'scheduledAt', 'endsAt', 'recipients', 'templateId', 'message', 'payload', 'workflowId', 'senders', 'settings'] as const;

/** A create input as a new bulletin: a headline and its media; `BAD_USER_INPUT` naming any field a bulletin cannot hold. */
export function toNewBulletin(input: CreateCampaignInput, backend: string): WireNewBulletin {
  for (const field of UNHONOURED) {
    if (input[field] !== undefined && input[field] !== null) throw badInput(`backend "${backend}" cannot store ${field} on a bulletin`, `input.${field}`, backend);
  }
  const media = (input.channels ?? []).map((channel) => {
    const medium = MEDIUM[channel];
    if (!medium) throw badInput(`backend "${backend}" posts by EMAIL, SMS or PUSH only, not ${channel}`, 'input.channels', backend);
    return medium;
  });
  return { headline: input.name, media: [...new Set(media)] };
}
