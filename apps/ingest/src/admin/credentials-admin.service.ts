import { Injectable } from '@nestjs/common';
import type { IssuedApiKey, IssuedBureauToken } from '@lib/registry';
import { CredentialsRepository, InstitutionsRepository, type ApiKeyRequest } from '@lib/registry-store';
import { AdminError, type ItemProblem } from './errors/admin-error';
import { RegistryAdminService } from './registry-admin.service';

export interface VerifiedCredentials {
  apiKeys: (string | null)[];
  /** Per key, its id (what signs raw-topic messages as `hi-key-id`), or null. */
  apiKeyIds: (string | null)[];
  bureauTokens: (string | null)[];
}

/** Issues, checks and revokes institution API keys and bureau tokens; secrets are returned once, stored hashed. */
@Injectable()
export class CredentialsAdminService {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly registry: RegistryAdminService,
  ) {}

  /** Keys only for registered, active institutions; all or nothing like registration. */
  async issueApiKeys(requests: ApiKeyRequest[]): Promise<IssuedApiKey[]> {
    const found = new Map((await this.institutions.getMany(requests.map((r) => r.institutionId))).map((i) => [i.id, i]));
    const problems: ItemProblem[] = [];
    requests.forEach(({ institutionId }, index) => {
      const institution = found.get(institutionId);
      if (!institution) problems.push({ index, path: 'institutionId', code: 'institution_not_found', message: `No institution ${institutionId}` });
      else if (!institution.active) problems.push({ index, path: 'institutionId', code: 'institution_inactive', message: `${institutionId} is deactivated` });
    });
    if (problems.length > 0) {
      // A single request answers with the specific code (404/409), a batch with the list.
      const code = requests.length === 1 ? (problems[0].code as 'institution_not_found' | 'institution_inactive') : 'api_keys_refused';
      throw new AdminError(code, requests.length === 1 ? problems[0].message : `${problems.length} keys refused; none was issued`, problems);
    }
    const issued = await this.credentials.issueApiKeys(requests);
    return issued.map(({ id, secret }, i) => ({ id, institutionId: requests[i].institutionId, key: secret }));
  }

  async revokeApiKey(id: string): Promise<void> {
    if (!(await this.credentials.revokeApiKey(id))) throw new AdminError('api_key_not_found', `No unrevoked API key ${id}`);
  }

  async issueBureauToken(region: string, label?: string): Promise<IssuedBureauToken> {
    const current = await this.registry.currentRegion(region);
    if (!current) throw new AdminError('unknown_region', `Region ${region} is not registered`);
    const { id, secret } = await this.credentials.issueBureauToken(current.code, label);
    return { id, region: current.code, token: secret };
  }

  async revokeBureauToken(id: string): Promise<void> {
    if (!(await this.credentials.revokeBureauToken(id))) throw new AdminError('bureau_token_not_found', `No unrevoked bureau token ${id}`);
  }

  async verify(apiKeys: string[] = [], bureauTokens: string[] = []): Promise<VerifiedCredentials> {
    const [keys, regions] = await Promise.all([this.credentials.unrevokedApiKeys(apiKeys), this.credentials.regionsOfBureauTokens(bureauTokens)]);
    return { apiKeys: keys.map((k) => k?.institutionId ?? null), apiKeyIds: keys.map((k) => k?.id ?? null), bureauTokens: regions.map((r) => r ?? null) };
  }
}
