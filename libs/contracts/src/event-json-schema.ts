import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
import type { EventDtoClass } from './dto/event-envelope.dto';
import { CUSTOM_CONSTRAINTS, RequiredWhenRule } from './dto/validators';

/** A DTO class (class-validator keeps its metadata by constructor). */
type DtoClass = abstract new (...args: never[]) => unknown;

// class-transformer keeps the @Type() targets of nested fields here; its package exports no accessor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** An OpenAPI 3.0 schema object, as plain JSON. */
export type JsonSchema = { [keyword: string]: unknown };

/** Component names of the event schemas; `EventSubmission` is the body of POST /v1/events. */
export const EVENT_SCHEMA_NAMES = { event: 'Event', batch: 'EventBatch', submission: 'EventSubmission' } as const;

const MAX_BATCH_EVENTS = 1000;

/**
 * OpenAPI schemas of the event contract, generated from the same class-validator DTOs the door
 * validates with, so they cannot drift: one schema per event type (`type` is a one-value enum, so
 * the types never overlap), `Event` as their discriminated `oneOf`, and the POST body as either one
 * event or `{ "events": [...] }` — disjoint too, since an event has no `events` field and a batch
 * no `eventId`. A type-specific field the door requires unless the event is voided is written as
 * `anyOf: [required, voided: true]`. Checks a schema cannot say (resident ID check digits, the
 * registry, the clock) are the door's; the schema is never stricter than the door.
 */
export function eventSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  const mapping: Record<string, string> = {};
  for (const dto of Object.values(EVENT_DTO_BY_TYPE) as EventDtoClass[]) {
    const name = schemaName(dto);
    const { schema, eventType } = objectSchema(dto, schemas);
    schemas[name] = schema;
    if (eventType !== undefined) mapping[eventType] = ref(name);
  }
  schemas[EVENT_SCHEMA_NAMES.event] = {
    description: 'One event (shared/CONTRACT.md "Event"); `type` picks the schema',
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping },
  };
  schemas[EVENT_SCHEMA_NAMES.batch] = {
    type: 'object',
    description: `A batch of 1 to ${MAX_BATCH_EVENTS} events; each gets its own result`,
    required: ['events'],
    additionalProperties: false,
    properties: { events: { type: 'array', minItems: 1, maxItems: MAX_BATCH_EVENTS, items: { $ref: ref(EVENT_SCHEMA_NAMES.event) } } },
  };
  schemas[EVENT_SCHEMA_NAMES.submission] = {
    description: 'One event, or a batch `{ "events": [...] }`',
    oneOf: [{ $ref: ref(EVENT_SCHEMA_NAMES.event) }, { $ref: ref(EVENT_SCHEMA_NAMES.batch) }],
  };
  return schemas;
}

function ref(name: string): string {
  return `#/components/schemas/${name}`;
}

/** `VisitEventDto` → `VisitEvent`. */
function schemaName(dto: DtoClass): string {
  return dto.name.replace(/Dto$/, '');
}

function objectSchema(dto: DtoClass, schemas: Record<string, JsonSchema>): { schema: JsonSchema; eventType?: string } {
  // Inherited fields (the envelope) first, in declaration order.
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const cls of lineage(dto))
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false)) byProperty.set(rule.propertyName, []);
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false)) byProperty.get(rule.propertyName)?.push(rule);
  const defaults = new (dto as new () => Record<string, unknown>)();
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const requiredUnlessVoided: string[] = [];
  let eventType: string | undefined;
  for (const [property, rules] of byProperty) {
    properties[property] = propertySchema(dto, property, rules, schemas);
    if (defaults[property] !== undefined) properties[property].default = defaults[property];
    const named = (name: string) => rules.find((rule) => rule.name === name);
    if (named(CUSTOM_CONSTRAINTS.isEventType)) eventType = String(named(CUSTOM_CONSTRAINTS.isEventType)?.constraints[0]);
    if (!rules.some((rule) => rule.type === ValidationTypes.IS_DEFINED)) continue;
    const condition = rules.find((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION);
    if (condition === undefined) required.push(property);
    else if ((condition.constraints[0] as Partial<RequiredWhenRule>).unlessVoidedOnly === true) requiredUnlessVoided.push(property);
    // Required only with some action (RequiredWhen): the schema leaves it optional; the door says when.
  }
  const schema: JsonSchema = { type: 'object', additionalProperties: false, properties };
  if (required.length > 0) schema.required = required;
  if (requiredUnlessVoided.length > 0) {
    schema.anyOf = [{ required: requiredUnlessVoided }, { required: ['voided'], properties: { voided: { type: 'boolean', enum: [true] } } }];
  }
  return { schema, eventType };
}

/** The class and its ancestors, the furthest first. */
function lineage(dto: DtoClass): DtoClass[] {
  const chain: DtoClass[] = [];
  for (let cls: DtoClass | null = dto; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls) as DtoClass | null) chain.unshift(cls);
  return chain;
}

function propertySchema(dto: DtoClass, property: string, rules: ValidationMetadata[], schemas: Record<string, JsonSchema>): JsonSchema {
  const schema: JsonSchema = {};
  const items: JsonSchema = {};
  const target = (rule: ValidationMetadata) => (rule.each ? items : schema);
  for (const rule of rules) {
    const [first] = (rule.constraints ?? []) as unknown[];
    if (rule.type === ValidationTypes.NESTED_VALIDATION) {
      const nested = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as DtoClass | undefined;
      if (nested === undefined) continue;
      const name = schemaName(nested);
      if (schemas[name] === undefined) schemas[name] = objectSchema(nested, schemas).schema;
      return { $ref: ref(name) };
    }
    switch (rule.name) {
      case 'isString':
        target(rule).type = 'string';
        break;
      case 'isNumber':
        target(rule).type ??= 'number';
        break;
      case 'isInt':
        target(rule).type = 'integer';
        break;
      case 'isBoolean':
        target(rule).type = 'boolean';
        break;
      case 'isArray':
        schema.type = 'array';
        break;
      case 'isObject':
        schema.type = 'object';
        break;
      case 'maxLength':
        target(rule).maxLength = first;
        break;
      case 'min':
        target(rule).minimum = first;
        break;
      case 'max':
        target(rule).maximum = first;
        break;
      case 'matches':
        if (first instanceof RegExp) target(rule).pattern = first.source;
        break;
      case 'arrayMaxSize':
        schema.maxItems = first;
        break;
      case 'arrayUnique':
        schema.uniqueItems = true;
        break;
      case CUSTOM_CONSTRAINTS.isEventType:
        Object.assign(target(rule), { type: 'string', enum: [first] });
        break;
      case CUSTOM_CONSTRAINTS.isAction:
      case CUSTOM_CONSTRAINTS.isCode:
        Object.assign(target(rule), { type: 'string', enum: [...(first as string[])] });
        break;
      case CUSTOM_CONSTRAINTS.isOffsetTimestamp:
        Object.assign(target(rule), { format: 'date-time', description: 'ISO 8601 with offset, e.g. 2024-03-15T09:30:00+08:00' });
        break;
      case CUSTOM_CONSTRAINTS.isCalendarDate:
        target(rule).format = 'date';
        break;
      case CUSTOM_CONSTRAINTS.isRegionCode:
        Object.assign(target(rule), { pattern: '^\\d{6}$', description: 'GB/T 2260 administrative division code' });
        break;
      case CUSTOM_CONSTRAINTS.isCleanText:
        target(rule).minLength = 1;
        break;
      case CUSTOM_CONSTRAINTS.isPersonId:
        target(rule).description =
          'In clear on the way in (pseudonymised by the door): a resident ID number (GB 11643, with its check character) unless idType says otherwise';
        break;
      default:
        // A rule with no JSON Schema counterpart (an ID number inside an identifier, a field allowed
        // with one action only): the schema stays looser than the door, never stricter.
        break;
    }
  }
  if (Object.keys(items).length > 0) schema.items = items;
  return schema;
}
