import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];
/** A class with rules, as class-validator types it. */
type Target = Parameters<Storage['getTargetValidationMetadatas']>[0];
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const REMEMBERING = Symbol.for('health-indicators.rememberedValidationMetadata');

/**
 * class-validator looks up a class's rules on every `validateSync` — a scan of every class with rules
 * in the process (prototype checks for inherited rules), then a grouping by property — though the rules
 * change only while decorators run, as modules load. This makes its (process-wide) metadata storage
 * remember both answers per class and options, and forget them whenever a rule is added. Lookups with
 * groups are not remembered. Validation itself is unchanged: the same rules, in the same order.
 */
export function rememberValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [REMEMBERING]?: true };
  if (marked[REMEMBERING]) return;
  marked[REMEMBERING] = true;

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let rules = new Map<Target, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Grouped>();

  storage.addValidationMetadata = (metadata) => {
    rules = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups !== undefined && groups.length > 0) return lookUp(target, schema, always, strictGroups, groups);
    const options = `${String(schema)}\u0000${always}\u0000${strictGroups}`;
    let byOptions = rules.get(target);
    if (byOptions === undefined) rules.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    let found = byOptions.get(options);
    if (found === undefined) byOptions.set(options, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (byProperty === undefined) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
}
