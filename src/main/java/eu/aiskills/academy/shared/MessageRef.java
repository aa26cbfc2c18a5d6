package eu.aiskills.academy.shared;

import java.util.Collection;
import java.util.List;

/**
 * An argument of a message that is itself a message, translated when the message is shown
 * ("accepted: PDF, Word (.docx)"), so that rejections can be built where the language is not known.
 */
public record MessageRef(String key, List<Object> arguments) {

    public MessageRef {
        arguments = List.copyOf(arguments);
    }

    public static MessageRef of(String key, Object... arguments) {
        return new MessageRef(key, List.of(arguments));
    }

    /** Several messages shown as one comma-separated list. */
    public record ListOf(List<MessageRef> items) {

        public ListOf {
            items = List.copyOf(items);
        }

        public static ListOf of(Collection<MessageRef> items) {
            return new ListOf(List.copyOf(items));
        }
    }
}
