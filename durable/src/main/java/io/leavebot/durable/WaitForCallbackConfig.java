package io.leavebot.durable;

/** Options of {@code waitForCallback}: the callback's, and the submitter step's (retries). */
public record WaitForCallbackConfig(CallbackConfig callbackConfig, StepConfig submitterConfig) {

    public static final WaitForCallbackConfig DEFAULT = new WaitForCallbackConfig(CallbackConfig.DEFAULT, StepConfig.DEFAULT);

    public WaitForCallbackConfig {
        callbackConfig = callbackConfig == null ? CallbackConfig.DEFAULT : callbackConfig;
        submitterConfig = submitterConfig == null ? StepConfig.DEFAULT : submitterConfig;
    }

    public static WaitForCallbackConfig of(CallbackConfig callback) {
        return new WaitForCallbackConfig(callback, StepConfig.DEFAULT);
    }

    public WaitForCallbackConfig withSubmitterConfig(StepConfig value) {
        return new WaitForCallbackConfig(callbackConfig, value);
    }
}
