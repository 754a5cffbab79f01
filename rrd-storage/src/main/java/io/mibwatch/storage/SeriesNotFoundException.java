package io.mibwatch.storage;

import io.mibwatch.core.series.SeriesId;

import java.util.Objects;

/** A fetch asked for a series the store has never stored. */
public class SeriesNotFoundException extends RuntimeException {

    private final transient SeriesId series;

    public SeriesNotFoundException(SeriesId series, String detail) {
        super("no stored series '" + Objects.requireNonNull(series, "series").path()
                + "' for device '" + series.device() + "'" + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.series = series;
    }

    public SeriesId series() {
        return series;
    }
}
