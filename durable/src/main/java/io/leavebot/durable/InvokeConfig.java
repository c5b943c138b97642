package io.leavebot.durable;

import java.util.regex.Pattern;

/**
 * Options of a chained invoke ({@link DurableContext#invoke}).
 *
 * @param tenantId      the tenant to invoke the target function for (1–256 printable ASCII characters), or null
 * @param payloadSerDes turns the payload into the target's input; null means {@code serDes}, else the handler's
 * @param serDes        reads the target's result; null means the handler's
 */
public record InvokeConfig(String tenantId, SerDes payloadSerDes, SerDes serDes) {

    public static final InvokeConfig DEFAULT = new InvokeConfig(null, null, null);
    private static final Pattern TENANT_ID = Pattern.compile("[\\x20-\\x7E]{1,256}");

    public InvokeConfig {
        if (tenantId != null && !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("tenantId must be 1-256 printable ASCII characters, but was '" + tenantId + "'");
        }
    }

    /** Invokes the target for {@code tenantId}. */
    public static InvokeConfig tenant(String tenantId) {
        return DEFAULT.withTenantId(tenantId);
    }

    public InvokeConfig withTenantId(String value) {
        return new InvokeConfig(value, payloadSerDes, serDes);
    }

    public InvokeConfig withPayloadSerDes(SerDes value) {
        return new InvokeConfig(tenantId, value, serDes);
    }

    public InvokeConfig withSerDes(SerDes value) {
        return new InvokeConfig(tenantId, payloadSerDes, value);
    }
}
