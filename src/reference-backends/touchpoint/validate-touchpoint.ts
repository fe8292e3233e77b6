import type { Campaign, Touchpoint, TouchpointMessage, ValidationResult } from './wire-types.js';

/** WhatsApp's limit on the text of one message. */
export const WHATSAPP_MAX_CHARACTERS = 4096;

const isNonBlankString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The text the length rule measures: the string itself, or an object's `text`. */
function textOf(message: TouchpointMessage): string | undefined {
  if (typeof message === 'string') return message;
  return typeof message.text === 'string' ? message.text : undefined;
}

function hasContent(message: TouchpointMessage): boolean {
  if (typeof message === 'string') return isNonBlankString(message);
  const template = message.template;
  return isNonBlankString(message.text) || (template !== undefined && template !== null && template !== '');
}

function hasSubject(message: TouchpointMessage): boolean {
  return typeof message !== 'string' && isNonBlankString(message.subject);
}

/**
 * The configuration check behind `POST /v1/touchpoints/validate`; it never blocks
 * a create or update. The rules concern `message` touchpoints (an action's or a
 * delay's payload is not a message anyone reads):
 * - the message must not be empty: a non-blank string, or an object with a
 *   non-blank `text` or a `template`;
 * - in a `whatsapp` campaign the text (the string, or the object's `text`) may be at
 *   most 4096 characters, counted as Unicode code points;
 * - in an `email` campaign the message must be an object with a non-blank `subject`.
 * Each error is one sentence; the rules are independent, so one message can break several.
 */
export function validateTouchpoint(touchpoint: Touchpoint, campaign: Campaign): ValidationResult {
  const errors: string[] = [];
  if (touchpoint.type === 'message') {
    const { message } = touchpoint;
    if (!hasContent(message)) {
      errors.push('A message touchpoint needs a non-empty message: a non-blank string, or an object with a non-blank text or a template.');
    }
    const text = textOf(message);
    const length = text === undefined ? 0 : [...text].length;
    if (campaign.channel_type === 'whatsapp' && length > WHATSAPP_MAX_CHARACTERS) {
      errors.push(`The message is ${length} characters long, but WhatsApp allows at most ${WHATSAPP_MAX_CHARACTERS}.`);
    }
    if (campaign.channel_type === 'email' && !hasSubject(message)) {
      errors.push('An email message needs a subject, and this message has none.');
    }
  }
  return { valid: errors.length === 0, errors };
}
