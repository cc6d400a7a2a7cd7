import type { Institution, IssuedApiKey, IssuedBureauToken, Region, SupersededRegion } from '@lib/registry';

/** An error answer of the admin API, with its machine-readable code. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export interface RegionInput {
  code: string;
  name: string;
  level?: string;
  /** Omitted or null: the structural parent. */
  parentCode?: string | null;
}

export interface InstitutionInput {
  id: string;
  name: string;
  county: string;
  type: string;
  level?: number;
  active?: boolean;
}

/**
 * Lists go in chunks: the admin API takes 5000 items, but the ingest app's JSON body limit decides
 * what fits in one request, and 400 items stay well under any sensible limit (about 60 kB).
 */
export const CHUNK_SIZE = 400;

export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What POST /v1/admin/credentials/verify answers: per key its institution and id, per token its region; null when unknown or revoked. */
export interface VerifiedCredentials {
  apiKeys: (string | null)[];
  apiKeyIds: (string | null)[];
  bureauTokens: (string | null)[];
}

/** The ingest app's /v1/admin API over HTTP: what the CLI wraps. */
export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  async registerRegions(regions: readonly RegionInput[]): Promise<Region[]> {
    return this.inChunks(regions, async (chunk) => (await this.request<{ regions: Region[] }>('POST', 'regions', chunk)).regions);
  }

  async registerSuperseded(superseded: readonly SupersededRegion[]): Promise<SupersededRegion[]> {
    return this.inChunks(superseded, async (chunk) => (await this.request<{ superseded: SupersededRegion[] }>('POST', 'superseded-regions', chunk)).superseded);
  }

  async registerInstitutions(institutions: readonly InstitutionInput[]): Promise<Institution[]> {
    return this.inChunks(institutions, async (chunk) => (await this.request<{ institutions: Institution[] }>('POST', 'institutions', chunk)).institutions);
  }

  listInstitutions(filter: { county?: string; type?: string }): Promise<Institution[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const search = query.toString();
    return this.request('GET', `institutions${search ? `?${search}` : ''}`);
  }

  changeInstitution(id: string, change: { name?: string; active?: boolean }): Promise<Institution> {
    return this.request('PATCH', `institutions/${encodeURIComponent(id)}`, change);
  }

  issueApiKey(institutionId: string, label?: string): Promise<IssuedApiKey> {
    return this.request('POST', 'api-keys', { institutionId, label });
  }

  issueApiKeys(requests: readonly { institutionId: string; label?: string }[]): Promise<IssuedApiKey[]> {
    return this.inChunks(requests, (chunk) => this.request<IssuedApiKey[]>('POST', 'api-keys', chunk));
  }

  async revokeApiKey(id: string): Promise<void> {
    await this.request('DELETE', `api-keys/${encodeURIComponent(id)}`);
  }

  issueBureauToken(region: string, label?: string): Promise<IssuedBureauToken> {
    return this.request('POST', 'bureau-tokens', { region, label });
  }

  /** Per key, its institution and its id or null; per token, its region or null (same order). */
  async verify(apiKeys: readonly string[], bureauTokens: readonly string[]): Promise<VerifiedCredentials> {
    const keys = await this.inChunks(apiKeys, async (chunk) => {
      const answer = await this.request<Pick<VerifiedCredentials, 'apiKeys' | 'apiKeyIds'>>('POST', 'credentials/verify', { apiKeys: chunk });
      return answer.apiKeys.map((institutionId, i) => ({ institutionId, id: answer.apiKeyIds[i] }));
    });
    const tokens = bureauTokens.length
      ? (await this.request<{ bureauTokens: (string | null)[] }>('POST', 'credentials/verify', { bureauTokens })).bureauTokens
      : [];
    return { apiKeys: keys.map((k) => k.institutionId), apiKeyIds: keys.map((k) => k.id), bureauTokens: tokens };
  }

  private async inChunks<T, R>(items: readonly T[], send: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
    const out: R[] = [];
    for (const chunk of chunks(items)) out.push(...(await send(chunk)));
    return out;
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, '')}/v1/admin/${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.adminToken}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new AdminApiError(0, 'unreachable', `cannot reach ingest at ${this.baseUrl} (${cause}); is it running? (INGEST_URL)`);
    }
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const fields = (parsed ?? {}) as { code?: string; message?: string; errors?: unknown[] };
      throw new AdminApiError(response.status, fields.code ?? `http_${response.status}`, fields.message ?? (text || response.statusText), fields.errors);
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
