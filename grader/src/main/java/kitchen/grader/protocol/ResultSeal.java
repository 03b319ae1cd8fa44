package kitchen.grader.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals each line of a forked runner's results with an HMAC, so student code running in that JVM cannot
 * forge a passing result by writing to the results file. The key travels on the child's stdin, read
 * before any test runs; reaching it afterwards needs reflection into the kit, which a static rule forbids.
 */
public final class ResultSeal {

    private final byte[] key;

    public ResultSeal(byte[] key) {
        this.key = key.clone();
    }

    public static ResultSeal random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ResultSeal(key);
    }

    public static ResultSeal fromHex(String hex) {
        return new ResultSeal(HexFormat.of().parseHex(hex.trim()));
    }

    public String keyHex() {
        return HexFormat.of().formatHex(key);
    }

    /** The line with its seal: {@code json TAB hmac}. */
    public String seal(String json) {
        return json + "\t" + mac(json);
    }

    /** The JSON of a sealed line, or null if the seal does not match. */
    public String open(String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
            return null;
        }
        String json = line.substring(0, tab);
        byte[] given = line.substring(tab + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, mac(json).getBytes(StandardCharsets.US_ASCII)) ? json : null;
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
