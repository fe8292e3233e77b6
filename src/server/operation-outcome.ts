import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { RequestOutcome } from '../observability/request-scope.js';

/** The outcome of an execution result (a stream that started counts as success). */
export function outcomeOf(result: ExecutionResult | AsyncIterable<unknown>): RequestOutcome {
  if (Symbol.asyncIterator in result) return 'success';
  if (!result.errors?.length) return 'success';
  return result.data ? 'partial' : 'error';
}

/** The operation's name (or the one the client asked for) and its type (`query`, `mutation`, `subscription`, `unknown`). */
export function describeOperation(document: DocumentNode, operationName: string | null | undefined): { operation: string | null; type: string } {
  const operation = getOperationAST(document, operationName);
  return { operation: operation?.name?.value ?? operationName ?? null, type: operation?.operation ?? 'unknown' };
}
