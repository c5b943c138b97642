package io.leavebot.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of processes, read from Linux's /proc: on a shared machine, the CPU an execution costs
 * says more than its wall time, which depends on what else runs.
 */
final class CpuTime {
    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's times; 100 on every mainstream kernel build. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** This JVM's CPU time in ns, without its child processes. */
    static long ofThisProcess() {
        return of(ProcessHandle.current().pid());
    }

    /** The CPU time in ns of {@code pid} and every process below it (PostgreSQL's backends, say). */
    static long ofTree(long pid) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] fields = statFields(Long.parseLong(p.getFileName().toString()));
                if (fields != null) {
                    children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                }
            });
        } catch (IOException e) {
            return -1;
        }
        long total = 0;
        List<Long> pending = new ArrayList<>(List.of(pid));
        while (!pending.isEmpty()) {
            long next = pending.remove(pending.size() - 1);
            total += Math.max(0, of(next));
            pending.addAll(children.getOrDefault(next, List.of()));
        }
        return total;
    }

    private static long of(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return -1;
        }
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** The fields of /proc/[pid]/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null; // the process ended meanwhile, or this is not Linux
        }
    }
}
