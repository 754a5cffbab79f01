package io.mibwatch.poller.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires each device's poll on its own phase inside its interval (Quartz
 * {@link org.quartz.SimpleTrigger}, in-memory job store). The job only starts the
 * asynchronous cycle, so a handful of Quartz threads serve any number of devices;
 * a job never throws: failures are logged and counted.
 *
 * <p>Scaling past one machine is Quartz clustering (JDBC job store) — not built here.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
    private static final String POLLERS = "mibwatch.pollers";
    private static final String ERRORS = "mibwatch.jobErrors";

    /** Triggers fired in one pass of the scheduler thread, at most. */
    static final int BATCH_MAX = 64;
    /** How far ahead of its time a trigger may be fired together with an earlier one. */
    static final long BATCH_WINDOW_MS = 250;

    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, DevicePoller> pollers = new ConcurrentHashMap<>();
    private final AtomicLong jobErrors = new AtomicLong();

    public PollScheduler(Clock clock, int threads) throws SchedulerException {
        this.clock = clock;
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "mibwatch-poller");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "mibwatch-quartz");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        // a poll that is more than one interval late is skipped, not run in a burst
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        // The scheduler thread takes every trigger due within BATCH_WINDOW_MS in one pass instead of
        // waking once per device (fleet benchmark profile: that thread was 14 % of the daemon's CPU at 20
        // polls/s, most of it parking and unparking). A poll then starts up to that much early; its
        // rate divides by the answers' own times, so nothing shifts.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(BATCH_MAX));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", Long.toString(BATCH_WINDOW_MS));
        StdSchedulerFactory f = new StdSchedulerFactory(p);
        this.scheduler = f.getScheduler();
        // One stateless job instance for every fire: Quartz's default factory reflects over the job's
        // bean properties on every execution, which the JobDataMap lookup below makes pointless.
        PollJob job = new PollJob();
        scheduler.setJobFactory((bundle, sched) -> job);
        scheduler.getContext().put(POLLERS, pollers);
        scheduler.getContext().put(ERRORS, jobErrors);
    }

    /** Schedules every poller; the first poll of each is at its phase within the interval. */
    public void start(Collection<DevicePoller> all) throws SchedulerException {
        Instant now = clock.instant();
        for (DevicePoller dp : all) {
            String name = dp.device().name();
            Duration interval = dp.device().interval();
            pollers.put(name, dp);
            JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(name, "poll")
                    .usingJobData("device", name).build();
            Instant first = Phase.firstFire(name, interval, now);
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "poll")
                    .startAt(Date.from(first))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, trigger);
            LOG.info("device {}: polling every {} s, first poll at {} (phase {} ms)", name, interval.toSeconds(),
                    first, Phase.offset(name, interval).toMillis());
        }
        scheduler.start();
    }

    /** Job failures (bugs) caught so far; each was logged. */
    public long jobErrors() {
        return jobErrors.get();
    }

    public boolean isScheduled(String device) {
        try {
            return scheduler.checkExists(JobKey.jobKey(device, "poll"));
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing new polls; cycles already started finish on their own. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.toString());
        }
    }

    /** The Quartz job: start one device's cycle and return at once. */
    @DisallowConcurrentExecution
    public static final class PollJob implements Job {
        @Override
        @SuppressWarnings("unchecked")
        public void execute(JobExecutionContext ctx) {
            String device = ctx.getMergedJobDataMap().getString("device");
            AtomicLong errors = null;
            try {
                errors = (AtomicLong) ctx.getScheduler().getContext().get(ERRORS);
                Map<String, DevicePoller> map = (Map<String, DevicePoller>) ctx.getScheduler().getContext().get(POLLERS);
                DevicePoller dp = map.get(device);
                if (dp != null && dp.pollOnce().isEmpty()) {
                    long n = dp.overruns();
                    // a dead device overruns every cycle: log the 1st, 2nd, 4th, 8th... not each one
                    if (Long.bitCount(n) == 1) {
                        LOG.warn("device {}: previous poll still running; cycle skipped ({} skipped so far)", device, n);
                    }
                }
            } catch (Throwable t) {
                // a job must never die silently: Quartz would otherwise just log and carry on
                if (errors != null) errors.incrementAndGet();
                LOG.error("device {}: poll job failed: {}", device, t.toString(), t);
            }
        }
    }
}
