package se.region.governance.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code ${NAME}} and {@code ${NAME:default}} expressions of a SmallRye Config value, defaults nested in
 * defaults included ({@code ${A:${B:x}}}).
 */
final class Placeholders {

    /** How MicroProfile Config spells an environment variable: what the deployments set. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    record Placeholder(String name, Optional<String> defaultValue) {
        boolean isEnvironmentVariable() {
            return ENV_NAME.matcher(name).matches();
        }
    }

    private Placeholders() {
    }

    /** Every expression of the value, outer ones before those nested in their defaults. */
    static List<Placeholder> in(String value) {
        List<Placeholder> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(String value, List<Placeholder> found) {
        int i = 0;
        while ((i = value.indexOf("${", i)) >= 0) {
            if (i > 0 && value.charAt(i - 1) == '\\') {
                i += 2;
                continue;
            }
            int end = closing(value, i);
            String inside = value.substring(i + 2, end);
            int colon = topLevelColon(inside);
            if (colon < 0) {
                found.add(new Placeholder(inside, Optional.empty()));
            } else {
                String defaultValue = inside.substring(colon + 1);
                found.add(new Placeholder(inside.substring(0, colon), Optional.of(defaultValue)));
                collect(defaultValue, found);
            }
            i = end + 1;
        }
    }

    /** The value with each expression replaced: by what lookup finds for its name, else by its default. */
    static String resolve(String value, Function<String, Optional<String>> lookup) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int start;
        while ((start = value.indexOf("${", i)) >= 0) {
            out.append(value, i, start);
            int end = closing(value, start);
            String inside = value.substring(start + 2, end);
            int colon = topLevelColon(inside);
            String name = colon < 0 ? inside : inside.substring(0, colon);
            Optional<String> found = lookup.apply(name);
            if (found.isPresent()) {
                out.append(found.get());
            } else if (colon >= 0) {
                out.append(resolve(inside.substring(colon + 1), lookup));
            } else {
                throw new IllegalArgumentException("${" + name + "} has no value and no default in " + value);
            }
            i = end + 1;
        }
        return out.append(value.substring(i)).toString();
    }

    private static int closing(String value, int open) {
        int depth = 0;
        for (int j = open; j < value.length(); j++) {
            if (value.startsWith("${", j)) {
                depth++;
                j++;
            } else if (value.charAt(j) == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + value);
    }

    private static int topLevelColon(String inside) {
        int depth = 0;
        for (int j = 0; j < inside.length(); j++) {
            if (inside.startsWith("${", j)) {
                depth++;
                j++;
            } else if (inside.charAt(j) == '}') {
                depth--;
            } else if (inside.charAt(j) == ':' && depth == 0) {
                return j;
            }
        }
        return -1;
    }
}
