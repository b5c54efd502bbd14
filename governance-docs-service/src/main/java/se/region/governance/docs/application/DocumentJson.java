package se.region.governance.docs.application;

/** A document's JSON as the API writes it, and the version (ETag) it is of. */
public record DocumentJson(long version, byte[] body) {
}
