import { errorResponse } from "@/lib/http/handler";

/** Unknown /api/* paths answer in the API's error shape, not with an HTML page (docs/RULES.md "Errors"). */
const notFound = async () => errorResponse("NOT_FOUND");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
