package io.leavebot.logging;

import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC for LeaveBot's backend: each thread's own map, not inherited by the threads it starts (a pool thread
 * started during one invocation would otherwise name that execution on every line it writes later). The map is
 * replaced, never changed, so a line can keep the one its thread had without copying it.
 */
final class ThreadMdc implements MDCAdapter {
    private final ThreadLocal<Map<String, String>> maps = ThreadLocal.withInitial(Map::of);
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    /** This thread's context now; never changed afterwards. */
    Map<String, String> current() {
        return maps.get();
    }

    @Override
    public void put(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("an MDC key cannot be null");
        }
        Map<String, String> next = new HashMap<>(maps.get());
        next.put(key, value);
        maps.set(Map.copyOf(withoutNullValues(next)));
    }

    @Override
    public String get(String key) {
        return key == null ? null : maps.get().get(key);
    }

    @Override
    public void remove(String key) {
        if (key != null && maps.get().containsKey(key)) {
            Map<String, String> next = new HashMap<>(maps.get());
            next.remove(key);
            maps.set(Map.copyOf(next));
        }
    }

    @Override
    public void clear() {
        maps.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new HashMap<>(maps.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        maps.set(contextMap == null ? Map.of() : Map.copyOf(withoutNullValues(new HashMap<>(contextMap))));
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }

    private static Map<String, String> withoutNullValues(Map<String, String> map) {
        map.values().removeIf(java.util.Objects::isNull); // Map.copyOf refuses them; SLF4J allows put(key, null)
        return map;
    }
}
