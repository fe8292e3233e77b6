import { BOOLEAN_FIELDS, CAMPAIGN_TYPES, STRING_FIELDS } from './campaign.js';

/** One failed rule, as listed in a `400 validation failed` body. */
export interface FieldError {
  field: string;
  message: string;
}

/** Latest instant a JavaScript `Date` can hold, in milliseconds. */
const MAX_TIMESTAMP_MS = 8.64e15;

const isAbsent = (value: unknown) => value === undefined || value === null;
const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A Unix timestamp in milliseconds: a whole, non-negative number a `Date` can hold. */
export function isUnixMillis(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIMESTAMP_MS;
}

function requiredString(candidate: Record<string, unknown>, field: 'name' | 'workflowId', errors: FieldError[]) {
  const value = candidate[field];
  if (!isAbsent(value) && typeof value !== 'string') errors.push({ field, message: `${field} must be a string` });
  else if (isBlank(value)) errors.push({ field, message: `${field} is required` });
}

/**
 * Checks a campaign candidate against the seed's rules and returns every failing
 * one (empty when valid). For a PATCH the candidate is the stored campaign with
 * the partial data laid over it, so the merged result is what is judged.
 * `null` counts as absent for optional fields.
 */
export function validateCampaign(candidate: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  requiredString(candidate, 'name', errors);
  requiredString(candidate, 'workflowId', errors);
  if (isAbsent(candidate.type)) errors.push({ field: 'type', message: 'type is required' });
  else if (!CAMPAIGN_TYPES.includes(candidate.type as never)) {
    errors.push({ field: 'type', message: 'type must be DEFAULT or PERSONAL' });
  }

  if (!isAbsent(candidate.campaignId) && isBlank(candidate.campaignId)) {
    errors.push({ field: 'campaignId', message: 'campaignId must be a non-blank string' });
  }
  for (const field of STRING_FIELDS) {
    if (!isAbsent(candidate[field]) && typeof candidate[field] !== 'string') {
      errors.push({ field, message: `${field} must be a string` });
    }
  }
  for (const field of BOOLEAN_FIELDS) {
    if (!isAbsent(candidate[field]) && typeof candidate[field] !== 'boolean') {
      errors.push({ field, message: `${field} must be a boolean` });
    }
  }
  const percentage = candidate.recordingAnalysisPercentage;
  if (!isAbsent(percentage) && (typeof percentage !== 'number' || !Number.isFinite(percentage))) {
    errors.push({ field: 'recordingAnalysisPercentage', message: 'recordingAnalysisPercentage must be a number' });
  }
  for (const field of ['supervisor', 'emailAccounts'] as const) {
    const value = candidate[field];
    if (!isAbsent(value) && (!Array.isArray(value) || !value.every(isPlainObject))) {
      errors.push({ field, message: `${field} must be an array of objects` });
    }
  }
  if (!isAbsent(candidate.dispositions) && !isPlainObject(candidate.dispositions)) {
    errors.push({ field: 'dispositions', message: 'dispositions must be an object' });
  }

  const channels = [
    ['useForSMS', 'smsFromAddress'],
    ['useForEmail', 'emailFromAddress'],
    ['useForOutbound', 'callerId'],
  ] as const;
  for (const [flag, field] of channels) {
    // A wrongly typed address already has its own error; one error per field reads better.
    const alreadyFailed = errors.some((error) => error.field === field);
    if (candidate[flag] === true && isBlank(candidate[field]) && !alreadyFailed) {
      errors.push({ field, message: `${field} is required when ${flag} is true` });
    }
  }

  for (const field of ['createdAt', 'modifiedAt'] as const) {
    if (!isAbsent(candidate[field]) && !isUnixMillis(candidate[field])) {
      errors.push({ field, message: `${field} must be a Unix timestamp in milliseconds` });
    }
  }
  return errors;
}
