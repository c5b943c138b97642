package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An error as the protocol carries it: type, message, serialized data and stack frames. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorObject(String errorType, String errorMessage, String errorData, List<String> stackTrace) {

    public ErrorObject {
        stackTrace = stackTrace == null ? null : List.copyOf(stackTrace);
    }

    public static ErrorObject of(String errorType, String errorMessage) {
        return new ErrorObject(errorType, errorMessage, null, null);
    }

    /** Describes a throwable: its class name, its message and its frames as {@code class|method|file|line}. */
    public static ErrorObject from(Throwable error) {
        var frames = new java.util.ArrayList<String>();
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frames.size() == 50) {
                break; // enough to find the bug, small enough to stay far below the service's error size limit
            }
            frames.add(frame.getClassName() + "|" + frame.getMethodName() + "|" + frame.getFileName() + "|" + frame.getLineNumber());
        }
        return new ErrorObject(error.getClass().getName(), error.getMessage(), null, frames);
    }
}
