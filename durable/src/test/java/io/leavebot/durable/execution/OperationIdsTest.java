package io.leavebot.durable.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void rootOperationIdIsSha256HexOfItsPosition() throws Exception {
        assertEquals(sha256("1"), OperationIds.idFor(null, 1));
        assertEquals("6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b", OperationIds.idFor(null, 1));
    }

    @Test
    void childOperationIdChainsTheParentIdAndPosition() throws Exception {
        String parent = OperationIds.idFor(null, 2);
        assertEquals(sha256(parent + "-3"), OperationIds.idFor(parent, 3));
        assertEquals(64, OperationIds.idFor(parent, 3).length());
    }

    @Test
    void idsAreStableAndDistinctPerPositionAndParent() {
        String parent = OperationIds.idFor(null, 1);
        assertEquals(OperationIds.idFor(parent, 1), OperationIds.idFor(parent, 1));
        assertNotEquals(OperationIds.idFor(null, 1), OperationIds.idFor(null, 2));
        assertNotEquals(OperationIds.idFor(null, 1), OperationIds.idFor(parent, 1));
    }

    private static String sha256(String raw) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }
}
