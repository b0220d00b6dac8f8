package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bounded menu of a page ({@code dashboard/choice.jte}): up to {@link DashboardChoices#LIMIT}
 * options as a {@code <select>} named {@code param}; when the operator has more, a text field named
 * {@code nameParam} with a {@code <datalist>} of at most that many names (those starting with what
 * was typed), which the server resolves by name ({@link DashboardChoices}). Works without JavaScript.
 *
 * @param selected the chosen option's value, or null
 * @param typed    in text mode: the text the field shows (the chosen option's label, or what was typed)
 */
public record Choice(String id, String param, String nameParam, List<Option> options, boolean textMode, @Nullable String selected,
                     String typed) {

    public Choice {
        options = List.copyOf(options);
    }

    public record Option(String value, String label) {
    }

    /** The same menu under another element id (a page showing it in several forms). */
    public Choice withId(String otherId) {
        return new Choice(otherId, param, nameParam, options, textMode, selected, typed);
    }

    /**
     * The same menu under another element id with {@code value} chosen, shown as {@code label} in text
     * mode (a page with one form per row, each with its own choice).
     */
    public Choice chosen(String otherId, String value, String label) {
        return new Choice(otherId, param, nameParam, options, textMode, value, textMode ? label : typed);
    }

    public boolean isSelected(Option option) {
        return option.value().equals(selected);
    }

    /** True when there is nothing to choose from (only possible in select mode). */
    public boolean isEmpty() {
        return !textMode && options.isEmpty();
    }
}
