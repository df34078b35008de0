import { route } from "@/lib/openapi/route";
import { thumbnailResponse } from "@/lib/records/thumbnails";
import { contract } from "./contract";

/** A record's preview (JPEG, at most 320 px wide); same access and headers as the file. 404 when there is none. */
export const GET = route(contract.GET, async ({ actor, session, params }) => thumbnailResponse(actor, session.user, params.id));
