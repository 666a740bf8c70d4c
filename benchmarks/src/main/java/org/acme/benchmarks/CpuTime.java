package org.acme.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time spent so far by each part of the system on this machine, in clock ticks (1/100 s on
 * Linux): each service, PostgreSQL (every {@code postgres} process), RabbitMQ ({@code beam.smp}),
 * the benchmark itself (the load), and the whole machine. Two readings around a run say what its
 * work cost, and so how many of it the cores can carry.
 */
record CpuTime(Map<String, Long> ticks) {

    static final String MACHINE = "whole machine";
    static final double MILLIS_PER_TICK = 10;

    static CpuTime now(Deployment system) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : Deployment.SERVICES) {
            ticks.put(service, ofProcess(Path.of("/proc/" + system.pid(service) + "/stat")));
        }
        ticks.put("PostgreSQL", ofCommand("postgres"));
        ticks.put("RabbitMQ", ofCommand("beam.smp"));
        ticks.put("the load (this benchmark)", ofProcess(Path.of("/proc/self/stat")));
        ticks.put(MACHINE, busyTicksOfMachine());
        return new CpuTime(ticks);
    }

    /** The ticks each part spent since {@code before}. */
    Map<String, Long> since(CpuTime before) {
        Map<String, Long> spent = new LinkedHashMap<>();
        // A process that ended between the readings (a PostgreSQL connection closed) takes its ticks along.
        ticks.forEach((part, now) -> spent.put(part, Math.max(0, now - before.ticks().getOrDefault(part, 0L))));
        return spent;
    }

    /** User and system time of one process: fields 14 and 15 of its stat line, after its (parenthesised) name. */
    private static long ofProcess(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Every running process of that command, summed (PostgreSQL runs one per connection). */
    private static long ofCommand(String command) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> command.equals(commandOf(path)))
                    .mapToLong(path -> ofProcess(path.resolve("stat")))
                    .sum();
        }
    }

    private static String commandOf(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** All but idle and I/O wait, over every core, from the first line of /proc/stat. */
    private static long busyTicksOfMachine() throws IOException {
        List<String> fields = List.of(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"));
        long busy = 0;
        for (int i = 1; i < Math.min(fields.size(), 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields.get(i));
            }
        }
        return busy;
    }
}
