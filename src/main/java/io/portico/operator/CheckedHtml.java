package io.portico.operator;

import java.util.List;

/**
 * Operator HTML (terms, email templates) as the sanitizer leaves it, and what it removed, in the
 * words of the refusal the console gives ({@code <script> element}, {@code event-handler attribute
 * onclick on <p>}). The dashboard's previews show both before anything is saved.
 */
public record CheckedHtml(String html, List<String> removed) {

    public CheckedHtml {
        removed = List.copyOf(removed);
    }

    /** True when saving the text would be refused. */
    public boolean refused() {
        return !removed.isEmpty();
    }
}
