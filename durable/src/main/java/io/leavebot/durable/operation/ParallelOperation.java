package io.leavebot.durable.operation;

import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.ParallelBranch;
import io.leavebot.durable.ParallelBranchFailedException;
import io.leavebot.durable.ParallelConfig;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.SubType;
import java.util.List;

/** A parallel: a {@code Parallel} CONTEXT whose branches are {@code ParallelBranch} child contexts. */
final class ParallelOperation<T> extends ConcurrencyOperation<T> {

    ParallelOperation(DurableContextImpl context, String name, List<? extends ParallelBranch<? extends T>> branches,
            ParallelConfig config) {
        super(context, name, SubType.PARALLEL, SubType.PARALLEL_BRANCH, branches, config.maxConcurrency(),
                config.completionConfig(), config.nestingType());
    }

    @Override
    protected DurableOperationException itemFailure(String itemId, String itemName, ErrorObject error) {
        return new ParallelBranchFailedException(itemId, itemName, error);
    }
}
