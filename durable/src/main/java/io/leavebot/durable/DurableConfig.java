package io.leavebot.durable;

/**
 * How a {@link DurableHandler} runs.
 *
 * @param serDes  turns inputs, results and step values into JSON and back
 * @param service the durable service to checkpoint to; null means: the one the invocation context provides
 *                (embedded engine), else the Lambda API of the function's region
 */
public record DurableConfig(SerDes serDes, DurableService service) {

    public static final DurableConfig DEFAULT = new DurableConfig(new JacksonSerDes(), null);

    public DurableConfig {
        serDes = serDes == null ? new JacksonSerDes() : serDes;
    }

    public DurableConfig withService(DurableService value) {
        return new DurableConfig(serDes, value);
    }

    public DurableConfig withSerDes(SerDes value) {
        return new DurableConfig(value, service);
    }
}
