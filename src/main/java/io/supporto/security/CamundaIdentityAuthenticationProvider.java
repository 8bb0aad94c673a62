package io.supporto.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity service, so the Case API, Tasklist and /engine-rest share
 * one set of users, passwords (with Camunda's lock-out after failed attempts), groups and tenants.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final VerifiedCredentials credentials;

    public CamundaIdentityAuthenticationProvider(VerifiedCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object password = authentication.getCredentials();
        SupportUser user = credentials.verify(authentication.getName(), password == null ? null : password.toString())
                .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
        List<SimpleGrantedAuthority> authorities = user.groups().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
