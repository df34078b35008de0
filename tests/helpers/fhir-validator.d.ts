// @asymmetrik/fhir-json-schema-validator ships no types: this declares the one class the tests use
// (see node_modules/@asymmetrik/fhir-json-schema-validator/README.md). It is CommonJS (module.exports = class).
declare module "@asymmetrik/fhir-json-schema-validator" {
  /** Validates a resource against the official FHIR R4 JSON schema; an empty array means valid. */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
