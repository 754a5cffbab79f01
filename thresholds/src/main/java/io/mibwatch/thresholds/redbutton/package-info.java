/**
 * The red button: users report "service X is bad right now"; this package compares each
 * service metric during complaint windows with active, complaint-free time, ranks metrics by how
 * well they separate the two (Mann-Whitney U rank test and Cliff's delta) and suggests Apdex
 * targets. Pure: complaints, activity and samples come in, an {@link io.mibwatch.thresholds.redbutton.Analysis}
 * comes out; storage lives in {@code thresholds.store}, the CLI in {@code app}.
 */
package io.mibwatch.thresholds.redbutton;
