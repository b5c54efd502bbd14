package se.region.governance.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PostgreSQL JDBC URL's host, port and database. */
record JdbcUrl(String host, int port, String database) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?,]+)(?::(\\d+))?/([^?]+)(?:\\?.*)?");

    static JdbcUrl parse(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a single-host PostgreSQL JDBC URL: " + url);
        }
        return new JdbcUrl(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3));
    }
}
