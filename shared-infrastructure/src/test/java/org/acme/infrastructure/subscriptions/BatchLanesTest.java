package org.acme.infrastructure.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchLanesTest {

    private static final Duration PATIENT = Duration.ofMinutes(1);

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final Map<List<String>, CompletableFuture<List<String>>> running = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

    BatchLanesTest() {
        timers.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    /** Records the batch and leaves it running until the test finishes it. */
    private CompletionStage<List<String>> held(List<String> items) {
        batches.add(items);
        return running.computeIfAbsent(items, ignored -> new CompletableFuture<>());
    }

    private void finish(List<String> batch) {
        running.get(batch).complete(batch.stream().map(item -> item + " done").toList());
    }

    @Test
    void anItemAlone_runsAtOnce_inABatchOfOne() {
        BatchLanes<String, String> lane = new BatchLanes<>(this::held, 8, 1, PATIENT, timers);
        CompletableFuture<String> result = lane.submit("a");

        assertThat(batches).containsExactly(List.of("a"));
        finish(List.of("a"));
        assertThat(result).isCompletedWithValue("a done");
    }

    @Test
    void itemsSubmittedWhileABatchRuns_goTogetherInTheNext_inTheOrderSubmitted_upToTheLimit() {
        BatchLanes<String, String> lane = new BatchLanes<>(this::held, 3, 1, PATIENT, timers);
        lane.submit("a");
        CompletableFuture<String> b = lane.submit("b");
        lane.submit("c");
        lane.submit("d");
        CompletableFuture<String> e = lane.submit("e");

        assertThat(batches).containsExactly(List.of("a"));
        finish(List.of("a"));
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
        finish(List.of("b", "c", "d"));
        assertThat(b).isCompletedWithValue("b done");
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e"));
        assertThat(e).isNotDone();
    }

    @Test
    void withTwoLanes_twoBatchesRunAtOnce_andTheItemsWaitingGoTogetherInTheFirstLaneFreed() {
        BatchLanes<String, String> lanes = new BatchLanes<>(this::held, 8, 2, PATIENT, timers);
        lanes.submit("a");
        lanes.submit("b");
        lanes.submit("c");
        lanes.submit("d");

        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
        finish(List.of("b"));
        assertThat(batches).containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
    }

    @Test
    void aBatchThatFails_failsEachOfItsItems_andTheNextBatchStillRuns() {
        BatchLanes<String, String> lane = new BatchLanes<>(this::held, 8, 1, PATIENT, timers);
        lane.submit("a");
        CompletableFuture<String> b = lane.submit("b");
        CompletableFuture<String> c = lane.submit("c");
        lane.submit("d");
        finish(List.of("a"));
        lane.submit("later");

        running.get(List.of("b", "c", "d")).completeExceptionally(new IllegalStateException("rolled back"));

        assertThat(b).isCompletedExceptionally();
        assertThat(c).isCompletedExceptionally();
        assertThat(batches).last().isEqualTo(List.of("later"));
    }

    @Test
    void aBatchRunningPastItsPatience_letsTheNextRunBesideIt() {
        BatchLanes<String, String> lane = new BatchLanes<>(this::held, 8, 1, Duration.ofMillis(50), timers);
        CompletableFuture<String> slow = lane.submit("slow");
        CompletableFuture<String> other = lane.submit("other");

        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);
        assertThat(batches).containsExactly(List.of("slow"), List.of("other"));
        finish(List.of("other"));
        assertThat(other).isCompletedWithValue("other done");
        assertThat(slow).isNotDone();
        finish(List.of("slow"));
        assertThat(slow).isCompletedWithValue("slow done");
        assertThat(batches).hasSize(2);
    }

    @Test
    void aBatchEndedWithinItsPatience_leavesNoTimerBehind() {
        BatchLanes<String, String> lane = new BatchLanes<>(this::held, 8, 1, PATIENT, timers);
        lane.submit("a");
        assertThat(timers.getQueue()).as("the batch's patience, running").hasSize(1);

        finish(List.of("a"));

        assertThat(timers.getQueue()).isEmpty();
    }
}
