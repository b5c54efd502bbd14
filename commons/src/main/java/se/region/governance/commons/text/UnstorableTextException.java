package se.region.governance.commons.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON string (value or field name) of a request body that holds a character the set cannot store. */
public class UnstorableTextException extends InvalidFormatException {

    public UnstorableTextException(JsonParser parser, StorableText.Problem problem, String value) {
        super(parser, problem.describe(), value, String.class);
    }
}
