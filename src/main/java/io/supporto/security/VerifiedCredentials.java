package io.supporto.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials checked against Camunda's identity service (password, with Camunda's
 * lock-out after failed attempts; then the user's groups and tenants), for the Case API and
 * /engine-rest alike.
 *
 * <p>An API client sends its credentials with every request, and checking them costs three queries.
 * A successful check is therefore remembered for {@code support.security.credentials-cache-ttl}
 * (30 s): within that time a password change, a lock-out or a change of groups or tenants does not
 * yet apply to the same credentials. Failed checks are never remembered, so a wrong password always
 * reaches the identity service and counts towards the lock-out. The cache holds a keyed hash of the
 * password (HMAC-SHA256 under a random key of this process), never the password.
 */
@Component
public class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(String userId, String passwordMac) {
    }

    private final IdentityService identityService;
    private final Cache<Key, SupportUser> verified;
    /** HMAC-SHA256 under a random key of this process; one instance per thread (Mac.getInstance is the costly part). */
    private final ThreadLocal<Mac> passwordMac;

    @Autowired
    public VerifiedCredentials(IdentityService identityService, SecurityProperties properties) {
        this(identityService, properties, Ticker.systemTicker());
    }

    VerifiedCredentials(IdentityService identityService, SecurityProperties properties, Ticker ticker) {
        this.identityService = identityService;
        boolean remember = properties.credentialsCacheTtl().compareTo(Duration.ZERO) > 0;
        this.verified = remember
                ? Caffeine.newBuilder().expireAfterWrite(properties.credentialsCacheTtl())
                        .maximumSize(MAX_ENTRIES).ticker(ticker).build()
                : null;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec macKey = new SecretKeySpec(key, "HmacSHA256");
        this.passwordMac = ThreadLocal.withInitial(() -> newMac(macKey));
    }

    /** The user with its groups and tenants, or empty for an unknown user, a wrong password or a locked user. */
    public Optional<SupportUser> verify(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null) {
            return Optional.empty();
        }
        if (verified == null) {
            return check(userId, password);
        }
        Key key = new Key(userId, mac(password));
        SupportUser known = verified.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SupportUser> user = check(userId, password);
        user.ifPresent(u -> verified.put(key, u));
        return user;
    }

    private Optional<SupportUser> check(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            return Optional.empty();
        }
        Set<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Set<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).collect(Collectors.toSet());
        return Optional.of(new SupportUser(userId, groups, tenants));
    }

    private String mac(String password) {
        return HexFormat.of().formatHex(passwordMac.get().doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
