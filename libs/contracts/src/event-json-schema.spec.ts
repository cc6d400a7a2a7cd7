import { EVENT_DTO_BY_TYPE } from './dto/event-dto-by-type';
import { EVENT_SCHEMA_NAMES, eventSchemas, JsonSchema } from './event-json-schema';
import { EXAMPLE_EVENTS, EXAMPLE_VOIDED_EVENT } from './examples';

describe('eventSchemas (OpenAPI from the event DTOs)', () => {
  const schemas = eventSchemas();
  const byRef = (ref: string) => schemas[ref.replace('#/components/schemas/', '')];
  const mapping = (schemas[EVENT_SCHEMA_NAMES.event].discriminator as { mapping: Record<string, string> }).mapping;

  it('has one schema per event type of the door, picked by `type`', () => {
    expect(Object.keys(mapping).sort()).toEqual(Object.keys(EVENT_DTO_BY_TYPE).sort());
    for (const [type, ref] of Object.entries(mapping)) {
      expect((byRef(ref).properties as Record<string, JsonSchema>).type).toEqual({ type: 'string', enum: [type] });
    }
  });

  it('does not overlap: an event is never a batch, a batch never an event', () => {
    const batch = schemas[EVENT_SCHEMA_NAMES.batch];
    expect(batch).toMatchObject({ required: ['events'], additionalProperties: false });
    for (const ref of Object.values(mapping)) {
      const event = byRef(ref);
      expect(event).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['eventId', 'type']) });
      expect(event.properties).not.toHaveProperty('events');
    }
  });

  it('describes every example: its fields are the schema’s, its required fields are there, its codes are listed', () => {
    for (const event of [...Object.values(EXAMPLE_EVENTS).flat(), EXAMPLE_VOIDED_EVENT]) {
      const schema = byRef(mapping[event.type]);
      const properties = schema.properties as Record<string, JsonSchema>;
      const fields = event as unknown as Record<string, unknown>;
      expect(Object.keys(fields).filter((field) => !(field in properties))).toEqual([]);
      expect((schema.required as string[]).filter((field) => !(field in fields))).toEqual([]);
      if (!event.voided) for (const field of (schema.anyOf as { required: string[] }[])?.[0]?.required ?? []) expect(fields).toHaveProperty(field);
      for (const [field, value] of Object.entries(fields)) {
        const allowed = properties[field].enum as unknown[] | undefined;
        if (allowed) expect({ field, value, ok: allowed.includes(value) }).toEqual({ field, value, ok: true });
      }
    }
  });

  it('requires the type-specific fields unless the event is voided', () => {
    expect(byRef(mapping.vaccination).anyOf).toEqual([
      { required: ['person', 'vaccine', 'dose'] },
      { required: ['voided'], properties: { voided: { type: 'boolean', enum: [true] } } },
    ]);
  });
});
