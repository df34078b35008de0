import { errorResponse } from "@/lib/http/handler";
import { answerLocale } from "@/lib/http/request-locale";

/** Unknown /api/* paths answer in the API's error shape, not with an HTML page (docs/RULES.md "Errors"). */
const notFound = async (request: Request) => errorResponse("NOT_FOUND", {}, {}, answerLocale(request));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
