package io.mibwatch.web.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TopNTest {
    record Item(String name, double value) {
    }

    static final List<Item> ITEMS = List.of(new Item("a", 5), new Item("b", Double.NaN), new Item("c", 9),
            new Item("d", 5), new Item("e", 1), new Item("f", Double.NaN));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, List.of("c")),
                Arguments.of(3, List.of("c", "a", "d")), // tie 5/5 by name
                Arguments.of(4, List.of("c", "a", "d", "e")),
                Arguments.of(6, List.of("c", "a", "d", "e", "b", "f")), // unknown last
                Arguments.of(50, List.of("c", "a", "d", "e", "b", "f")));
    }

    @ParameterizedTest(name = "top {0}")
    @MethodSource("cases")
    void largestFirstTiesByNameUnknownLast(int n, List<String> want) {
        assertEquals(want, TopN.of(ITEMS, n, Item::value, Item::name).stream().map(Item::name).toList());
    }

    @Test
    void topZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopN.of(ITEMS, 0, Item::value, Item::name));
    }
}
