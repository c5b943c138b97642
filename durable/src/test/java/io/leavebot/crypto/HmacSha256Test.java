package io.leavebot.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc_4231_test_cases() {
        // case 1: a 20-byte key; case 2: a short key; case 6: a key longer than the block, hashed first
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hex(HEX.parseHex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hex(HEX.parseHex("aa".repeat(131)),
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void the_same_as_the_jdks_mac_for_random_keys_and_messages() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[random.nextInt(150)];
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(message);
            assertArrayEquals(jdk(key, message), new HmacSha256(key).mac(message), "key " + key.length + " bytes");
        }
    }

    @Test
    void one_instance_serves_many_threads_and_many_messages() throws Exception {
        HmacSha256 hmac = new HmacSha256("a signing secret of some length");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String message = "v0:" + thread + ":" + i;
                        assertArrayEquals(jdk("a signing secret of some length".getBytes(StandardCharsets.UTF_8),
                                message.getBytes(StandardCharsets.UTF_8)), hmac.mac(message));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String hex(byte[] key, byte[] message) {
        return HEX.formatHex(new HmacSha256(key).mac(message));
    }

    private static byte[] jdk(byte[] key, byte[] message) throws Exception {
        // SecretKeySpec refuses an empty key; HMAC pads a key with zeros to the block, so one zero byte is the same key
        byte[] jdkKey = key.length == 0 ? new byte[1] : key;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jdkKey, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
