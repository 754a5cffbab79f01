package io.mibwatch.web.http;

import java.util.List;

/** A group of routes (pages and API) for one concept: alerts, devices, services ... */
public interface WebFeature {
    List<Route> routes();
}
