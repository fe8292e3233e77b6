import type { Channel, TouchpointType } from './enums.js';

/** WhatsApp's limit on the text of one message, in Unicode code points. */
export const WHATSAPP_MAX_CHARACTERS = 4096;

/** What the rules look at: a touchpoint's unified type, its channel (or its campaign's) and its message. */
export interface TouchpointRuleSubject {
  type: TouchpointType;
  channel: Channel | null;
  message: unknown;
}

const isNonBlankString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function asObject(message: unknown): Record<string, unknown> | null {
  return typeof message === 'object' && message !== null && !Array.isArray(message) ? (message as Record<string, unknown>) : null;
}

/** The text a message is read as: the string itself, or an object's `text` (else its `body`). */
function textOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  const object = asObject(message);
  if (!object) return undefined;
  if (typeof object['text'] === 'string') return object['text'];
  return typeof object['body'] === 'string' ? object['body'] : undefined;
}

function hasContent(message: unknown): boolean {
  if (typeof message === 'string') return isNonBlankString(message);
  const object = asObject(message);
  if (!object) return false;
  const template = object['template'];
  return isNonBlankString(object['text']) || isNonBlankString(object['body']) || (template !== undefined && template !== null && template !== '');
}

/**
 * The touchpoint API's validation rules (`backends/touchpoint.md`, "Validation of a
 * touchpoint"), for backends without a validate endpoint of their own. Only `MESSAGE`
 * touchpoints can break them:
 * - the message must not be empty: a non-blank string, or an object with a non-blank
 *   `text` or `body`, or a `template`;
 * - on WhatsApp the text (the string, or the object's `text`, else its `body`) may be
 *   at most 4096 characters, counted as Unicode code points;
 * - an email needs an object message with a non-blank `subject` (a string has none).
 * The rules are independent; each broken one gives one sentence, in this order.
 */
export function touchpointRuleErrors({ type, channel, message }: TouchpointRuleSubject): string[] {
  if (type !== 'MESSAGE') return [];
  const errors: string[] = [];
  if (!hasContent(message)) {
    errors.push('A message touchpoint needs a non-empty message: a non-blank string, or an object with a non-blank text or body, or a template.');
  }
  const text = textOf(message);
  const length = text === undefined ? 0 : [...text].length;
  if (channel === 'WHATSAPP' && length > WHATSAPP_MAX_CHARACTERS) {
    errors.push(`The message is ${length} characters long, but WhatsApp allows at most ${WHATSAPP_MAX_CHARACTERS}.`);
  }
  if (channel === 'EMAIL' && !isNonBlankString(asObject(message)?.['subject'])) {
    errors.push('An email message needs a subject, and this message has none.');
  }
  return errors;
}
