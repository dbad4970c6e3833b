package org.countersign.token.type;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every token type deployed, by id. Refuses two types with one id at start-up. Thread-safe once built. */
@ApplicationScoped
public class TokenTypeRegistry {

    @Inject
    @Any
    Instance<TokenType> discovered;

    private Map<String, TokenType> byId;

    protected TokenTypeRegistry() {
    }

    /** A registry of the given types, for tests and for the container's discovered ones. */
    public static TokenTypeRegistry of(Iterable<? extends TokenType> types) {
        TokenTypeRegistry registry = new TokenTypeRegistry();
        registry.byId = index(types);
        return registry;
    }

    @PostConstruct
    void build() {
        byId = index(discovered);
    }

    private static Map<String, TokenType> index(Iterable<? extends TokenType> types) {
        Map<String, TokenType> map = new TreeMap<>();
        for (TokenType type : types) {
            TokenType earlier = map.putIfAbsent(type.id().value(), type);
            if (earlier != null) {
                throw new IllegalStateException("two token types claim the id '" + type.id() + "': "
                        + earlier.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** @return the type with this id, if deployed */
    public Optional<TokenType> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every type, by id */
    public Collection<TokenType> all() {
        return byId.values();
    }
}
