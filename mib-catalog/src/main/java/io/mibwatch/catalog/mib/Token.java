package io.mibwatch.catalog.mib;

/**
 * One lexical token of a MIB module (RFC 2578 uses a subset of ASN.1, X.208).
 *
 * @param type what the token is
 * @param text the token's text: the identifier, the number's digits, a quoted string without its
 *             quotes, a binary/hex string without quotes and suffix, or the punctuation itself
 * @param line 1-based line of the token's first character, for problem reports
 */
record Token(Type type, String text, int line) {

    enum Type {
        /** identifiers and keywords: letters, digits, hyphens (and underscores vendors use) */
        WORD,
        /** a decimal number, possibly negative */
        NUMBER,
        /** {@code "..."} */
        QUOTED,
        /** {@code '0A'H} */
        HEX,
        /** {@code '0101'B} */
        BINARY,
        /** {@code ::= { } ( ) [ ] , ; | .. . < >} and any other single character */
        PUNCT,
        EOF
    }

    boolean is(String s) {
        return (type == Type.WORD || type == Type.PUNCT) && text.equals(s);
    }

    boolean isWord() {
        return type == Type.WORD;
    }

    @Override
    public String toString() {
        return type == Type.EOF ? "end of file" : type == Type.QUOTED ? "string" : "'" + text + "'";
    }
}
