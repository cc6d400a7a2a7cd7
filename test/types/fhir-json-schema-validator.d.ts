declare module '@asymmetrik/fhir-json-schema-validator' {
  /** Validates FHIR resources against the published R4 JSON schema (fhir.schema.json) with ajv. */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The schema errors of a resource; an empty array when it is valid. */
    validate(resource: object): object[];
  }
}
