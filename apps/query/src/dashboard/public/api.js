/** An answer of the API other than 2xx, with its machine-readable `code`. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/**
 * The query API as the dashboard uses it. fetch sends the token as a Bearer header; EventSource
 * cannot set headers, so the stream URL carries it as ?token= (same origin, never logged by us).
 */
export function createApi(token) {
  async function get(path, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== null));
    const response = await fetch(query.size > 0 ? `${path}?${query}` : path, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      cache: 'no-store',
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, body.code, body.message);
    return body;
  }
  const indicator = (code, what) => `/v1/indicators/${encodeURIComponent(code)}/${what}`;

  return {
    catalogue: async () => (await get('/v1/indicators')).indicators,
    region: (code) => get(`/v1/regions/${encodeURIComponent(code)}`),
    values: async (code, params) => (await get(indicator(code, 'values'), params)).values,
    ranking: async (code, params) => (await get(indicator(code, 'ranking'), params)).ranking,
    series: async (code, params) => (await get(indicator(code, 'series'), params)).series,

    /**
     * The token's own region. There is no "who am I" endpoint yet: a values request without
     * `region` answers for the token's region, and its row names it.
     */
    async scope(period) {
      const [own] = await this.values('county_visit_rate', { period });
      return own.region;
    },

    /** 疫情三色预警一览: counties × diseases of `region` (docs/surveillance.md). */
    epidemic: (region) => get('/v1/surveillance/epidemic', { region }),

    /** Firing alerts; the alerting endpoint may not be deployed yet (404): then there are none to show. */
    async firingAlerts() {
      return (await get('/v1/alerts', { state: 'firing' })).alerts;
    },

    /** The stream of the given cells: values requests as `values` takes them, with `indicator`. */
    streamUrl: (cells) => `/v1/stream?token=${encodeURIComponent(token)}&cells=${encodeURIComponent(JSON.stringify(cells))}`,
  };
}
