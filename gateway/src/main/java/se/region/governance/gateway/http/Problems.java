package se.region.governance.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem+json bodies for what the gateway answers itself (same types as the services). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://governance.region.se/problems/";

    private Problems() {
    }

    public static Buffer body(String slug, String title, int status, String detail, String instance) {
        JsonObject p = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            p.put("instance", instance);
        }
        return p.toBuffer();
    }

    public static void write(HttpServerResponse response, String slug, String title, int status, String detail,
                             String instance) {
        if (response.headWritten()) {
            response.end();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(slug, title, status, detail, instance));
    }
}
