package org.countersign.token.type;

/** A token type whose id and capabilities are fixed at construction: what every type has in common, and nothing more. */
public abstract class DeclaredTokenType implements TokenType {

    private final TokenTypeId id;
    private final Capabilities capabilities;

    protected DeclaredTokenType(TokenTypeId id, Capabilities capabilities) {
        this.id = id;
        this.capabilities = capabilities;
    }

    @Override
    public TokenTypeId id() {
        return id;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Capabilities with the message keys {@code token.type.<id>.name} and {@code .description}. */
    protected static Capabilities declare(TokenTypeId id, boolean seeded, boolean serverMadeCodes, boolean outOfBand, boolean userEnrollable) {
        String prefix = "token.type." + id.value();
        return new Capabilities(seeded, serverMadeCodes, outOfBand, userEnrollable, prefix + ".name", prefix + ".description");
    }
}
