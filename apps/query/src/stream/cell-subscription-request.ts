import { ApiError } from '@lib/platform';
import type { RegistrySnapshot } from '@lib/registry-store';
import { ValuesRequest, valuesRequest } from '../values/read-request';

/** Values requests one stream may subscribe to (the city dashboard's grid is about 50). */
export const MAX_SUBSCRIBED_REQUESTS = 100;

/**
 * The `cells` parameter of `GET /v1/stream`: a JSON array of values requests, each named as the
 * values API names them — `{"indicator":"vaccination_coverage","period":"2024","region":"610900",
 * "level":"county","vaccine":"HepB","dose":"3"}` subscribes to the rows of
 * `/v1/indicators/vaccination_coverage/values?period=2024&region=610900&level=county&vaccine=HepB&dose=3`.
 * Each is validated and scope-checked as that request is (400, 404, 403 out_of_scope); duplicates merge.
 */
export function subscribedRequests(registry: RegistrySnapshot, scope: string, raw: string): ValuesRequest[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalid('cells must be a JSON array of values requests');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw invalid('cells must be a non-empty JSON array of values requests');
  if (parsed.length > MAX_SUBSCRIBED_REQUESTS) throw invalid(`cells has at most ${MAX_SUBSCRIBED_REQUESTS} values requests`);
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw invalid('each of cells is an object like {"indicator":"county_visit_rate","period":"2024"}');
    const { indicator, ...query } = item as Record<string, unknown>;
    if (typeof indicator !== 'string') throw invalid('each of cells names its indicator');
    for (const [name, value] of Object.entries(query)) {
      if (typeof value !== 'string') throw invalid(`cells: ${name} must be a string`);
      if (name === 'format' || name === 'token') throw invalid(`cells: ${name} is not a values parameter here`);
    }
    return valuesRequest(registry, scope, indicator, query);
  });
}

function invalid(message: string): ApiError {
  return new ApiError('invalid_subscription', message);
}
