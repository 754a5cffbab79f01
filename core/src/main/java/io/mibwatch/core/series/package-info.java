/** Values that flow from poll to store: series names, readings, samples. */
package io.mibwatch.core.series;
