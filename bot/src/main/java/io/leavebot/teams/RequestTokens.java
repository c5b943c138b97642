package io.leavebot.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * Checks the token on every request from the Bot Connector ({@code Authorization: Bearer <JWT>}), by Bot
 * Framework's rules: signed with RS256 by one of its published keys ({@link BotFrameworkKeys}) that is endorsed for
 * the activity's channel; issued by {@value TeamsSettings#BOT_FRAMEWORK_ISSUER}; meant for this bot (the audience is
 * its App ID); not expired nor not yet valid, with 5 minutes of clock skew; and naming the activity's
 * {@code serviceUrl} in its {@code serviceurl} claim, so a token captured from one request cannot send the bot's
 * replies (and its own token) elsewhere. Without these checks the bot could be made to divulge its token.
 */
final class RequestTokens {
    /** Why a request was refused, for the log only: the caller is told nothing but 401. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The claim Bot Framework puts the activity's service URL in (the SDK's {@code SERVICE_URL_CLAIM}). */
    private static final String SERVICE_URL_CLAIM = "serviceurl";

    private final String appId;
    private final BotFrameworkKeys keys;
    private final Clock clock;

    RequestTokens(String appId, BotFrameworkKeys keys, Clock clock) {
        this.appId = appId;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @param serviceUrl    the activity's {@code serviceUrl}, or null when the body has none
     * @param channelId     the activity's {@code channelId} (e.g. {@code msteams}), or null
     * @throws Refused saying which check failed
     */
    void verify(String authorization, String serviceUrl, String channelId) throws Refused {
        SignedJWT token = parse(authorization);
        BotFrameworkKeys.Key key = keys.find(token.getHeader().getKeyID()).orElseThrow(() -> new Refused("unknown signing key"));
        if (channelId != null && !key.endorsements().contains(channelId)) {
            throw new Refused("the signing key is not endorsed for channel " + channelId);
        }
        try {
            if (!token.verify(new RSASSAVerifier(key.rsa()))) {
                throw new Refused("the signature does not match");
            }
        } catch (JOSEException e) {
            throw new Refused("the signature cannot be checked: " + e.getMessage());
        }
        JWTClaimsSet claims = claims(token);
        checkClaims(claims);
        Object claimedUrl = claims.getClaim(SERVICE_URL_CLAIM);
        if (serviceUrl == null || !(claimedUrl instanceof String url) || !url.toLowerCase(Locale.ROOT).equals(serviceUrl.toLowerCase(Locale.ROOT))) {
            throw new Refused("the token's serviceurl does not match the activity's serviceUrl");
        }
    }

    private static SignedJWT parse(String authorization) throws Refused {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("no bearer token");
        }
        try {
            SignedJWT token = SignedJWT.parse(authorization.substring(7).strip());
            if (!JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm())) {
                throw new Refused("the token is signed with " + token.getHeader().getAlgorithm() + ", not RS256");
            }
            return token;
        } catch (ParseException e) {
            throw new Refused("the bearer token is not a signed JWT");
        }
    }

    private void checkClaims(JWTClaimsSet claims) throws Refused {
        if (!TeamsSettings.BOT_FRAMEWORK_ISSUER.equals(claims.getIssuer())) {
            throw new Refused("the issuer is " + claims.getIssuer() + ", not " + TeamsSettings.BOT_FRAMEWORK_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
            throw new Refused("the token is meant for " + claims.getAudience() + ", not this bot");
        }
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || now.isAfter(expires.toInstant().plus(CLOCK_SKEW))) {
            throw new Refused(expires == null ? "the token has no expiry" : "the token expired at " + expires.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
            throw new Refused("the token is valid only from " + notBefore.toInstant());
        }
    }

    private static JWTClaimsSet claims(SignedJWT token) throws Refused {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the token's claims are not JSON");
        }
    }
}
