import { Injectable } from '@nestjs/common';
import {
  RegionDirectory,
  checkInstitutionRegistration,
  checkRegionRegistrations,
  checkSupersededRegistrations,
  type Institution,
  type InstitutionRegistration,
  type Region,
  type RegionRegistration,
  type SupersededRegion,
  type SupersededRegistration,
} from '@lib/registry';
import { InstitutionsRepository, RegionsRepository, RegistrySnapshot, type InstitutionChange, type InstitutionFilter } from '@lib/registry-store';
import { AdminError, type ItemProblem } from './errors/admin-error';

/**
 * Registers regions and institutions. Checks run against the tables, not this process's snapshot,
 * because another ingest replica may have registered something since the snapshot's last refresh.
 * After a change the snapshot is refreshed so this process's door sees it at once.
 */
@Injectable()
export class RegistryAdminService {
  constructor(
    private readonly regions: RegionsRepository,
    private readonly institutions: InstitutionsRepository,
    private readonly snapshot: RegistrySnapshot,
  ) {}

  async registerRegions(inputs: RegionRegistration[]): Promise<Region[]> {
    const { directory, superseded } = await this.storedRegions();
    const check = checkRegionRegistrations(inputs, directory, superseded);
    if (!check.ok) throw rejected('region', check.problems);
    await this.regions.upsert(check.regions);
    await this.snapshot.refresh();
    return check.regions;
  }

  async registerSuperseded(inputs: SupersededRegistration[]): Promise<SupersededRegion[]> {
    const { directory, superseded } = await this.storedRegions();
    const check = checkSupersededRegistrations(inputs, directory, superseded);
    if (!check.ok) throw rejected('superseded code', check.problems);
    await this.regions.upsertSuperseded(check.superseded);
    await this.snapshot.refresh();
    return check.superseded;
  }

  /** All or nothing: one bad row rejects the batch, so an operator fixes the file and sends it again. */
  async registerInstitutions(inputs: InstitutionRegistration[]): Promise<Institution[]> {
    const { directory } = await this.storedRegions();
    const problems: ItemProblem[] = [];
    const institutions: Institution[] = [];
    const seen = new Set<unknown>();
    inputs.forEach((input, index) => {
      if (seen.has(input.id)) problems.push({ index, path: 'id', code: 'invalid', message: `${String(input.id)} appears twice` });
      seen.add(input.id);
      const check = checkInstitutionRegistration(input, directory);
      if (check.ok) institutions.push(check.institution);
      else problems.push(...check.problems.map((p) => ({ index, ...p })));
    });
    if (problems.length > 0) throw rejected('institution', problems);
    await this.institutions.upsert(institutions);
    await this.snapshot.refresh();
    return institutions;
  }

  async listInstitutions(filter: InstitutionFilter): Promise<Institution[]> {
    const county = filter.county && (this.snapshot.regions.resolve(filter.county)?.code ?? filter.county);
    return this.institutions.list({ ...filter, county });
  }

  async changeInstitution(id: string, change: InstitutionChange): Promise<Institution> {
    const institution = await this.institutions.update(id, change);
    if (!institution) throw new AdminError('institution_not_found', `No institution ${id}`);
    await this.snapshot.refresh();
    return institution;
  }

  /** The region a code means today (superseded codes mapped), from the tables. */
  async currentRegion(code: string): Promise<Region | undefined> {
    return (await this.storedRegions()).directory.resolve(code);
  }

  private async storedRegions(): Promise<{ directory: RegionDirectory; superseded: SupersededRegion[] }> {
    const [regions, superseded] = await Promise.all([this.regions.all(), this.regions.allSuperseded()]);
    return { directory: new RegionDirectory(regions, superseded), superseded };
  }
}

function rejected(what: string, problems: ItemProblem[]): AdminError {
  const items = new Set(problems.map((p) => p.index)).size;
  return new AdminError('invalid_registration', `${items} ${what}${items === 1 ? '' : 's'} rejected; nothing was registered`, problems);
}
