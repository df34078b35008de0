import { defineContract } from "@/lib/openapi/contract";
import { OpenApiDocumentSchema } from "@/lib/validation/responses";

export const contract = defineContract({
  path: "/api/openapi.json",
  tag: "Operations",
  GET: {
    summary: "This document",
    description: "The OpenAPI 3.1 description of the API, built from the schemas the routes parse with. Import it into Postman.",
    auth: "none",
    responses: { 200: OpenApiDocumentSchema },
    example: { response: { openapi: "3.1.0", info: { title: "CareGate API", version: "0.1.0" }, paths: {} } },
  },
});
