package io.leavebot.durable.operation;

import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.MapConfig;
import io.leavebot.durable.MapFunction;
import io.leavebot.durable.MapIterationFailedException;
import io.leavebot.durable.ParallelBranch;
import io.leavebot.durable.Validation;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.SubType;
import java.util.ArrayList;
import java.util.List;

/**
 * A map: a {@code Map} CONTEXT running the function once per item, each in a {@code MapIteration} child context
 * named {@code <map name>-iteration-<index>} (or by the config's item namer).
 */
final class MapOperation<I, O> extends ConcurrencyOperation<O> {

    MapOperation(DurableContextImpl context, String name, List<I> items, Class<O> type, MapFunction<I, O> function,
            MapConfig config) {
        super(context, name, SubType.MAP, SubType.MAP_ITERATION, iterations(name, items, type, function, config),
                config.maxConcurrency(), config.completionConfig(), config.nestingType());
    }

    private static <I, O> List<ParallelBranch<O>> iterations(String name, List<I> items, Class<O> type,
            MapFunction<I, O> function, MapConfig config) {
        var iterations = new ArrayList<ParallelBranch<O>>(items.size());
        for (int i = 0; i < items.size(); i++) {
            I item = items.get(i);
            int index = i;
            String iterationName = config.itemNamer() != null
                    ? Validation.operationName(config.itemNamer().apply(item, index))
                    : (name == null ? "map" : name) + "-iteration-" + index;
            iterations.add(new ParallelBranch<>(iterationName, type, ctx -> function.apply(item, index, ctx), config.serDes()));
        }
        return iterations;
    }

    @Override
    protected DurableOperationException itemFailure(String itemId, String itemName, ErrorObject error) {
        return new MapIterationFailedException(itemId, itemName, error);
    }
}
