package io.mibwatch.catalog.mib;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits MIB text into {@link Token}s. The text is the file's bytes read as ISO-8859-1, so every
 * byte maps to one char and vendor files in Latin-1 or broken UTF-8 never fail to decode.
 *
 * <p>Comments follow X.208 section 8.10 (used by RFC 2578 section 3): {@code --} starts a comment
 * that ends at the end of the line or at the next {@code --}. A run of dashes (the ruler lines
 * vendors love) opens the comment as one unit, so {@code -----} is a comment to the end of the line
 * and never leaves a stray {@code -}.
 */
final class Lexer {

    private final String s;
    private int pos;
    private int line = 1;

    private Lexer(String text) {
        this.s = text;
    }

    /** Never throws: unexpected characters become one-character PUNCT tokens for the parser to judge. */
    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>(s.length() / 6);
        while (true) {
            skipSpaceAndComments();
            if (pos >= s.length()) {
                out.add(new Token(Token.Type.EOF, "", line));
                return out;
            }
            char c = s.charAt(pos);
            int startLine = line;
            if (c == '"') {
                out.add(new Token(Token.Type.QUOTED, quoted(), startLine));
            } else if (c == '\'') {
                out.add(binOrHex(startLine));
            } else if (Character.isLetter(c) || c == '_' ) {
                int start = pos;
                while (pos < s.length() && isWordChar(s.charAt(pos))) {
                    // a hyphen followed by another hyphen starts a comment, not part of the word
                    if (s.charAt(pos) == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == '-') {
                        break;
                    }
                    pos++;
                }
                // ASN.1 forbids a trailing hyphen; keep it out of the word
                int end = pos;
                while (end > start + 1 && s.charAt(end - 1) == '-') {
                    end--;
                }
                pos = end;
                out.add(new Token(Token.Type.WORD, s.substring(start, end), startLine));
            } else if (Character.isDigit(c) || (c == '-' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
                int start = pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                out.add(new Token(Token.Type.NUMBER, s.substring(start, pos), startLine));
            } else if (s.startsWith("::=", pos)) {
                pos += 3;
                out.add(new Token(Token.Type.PUNCT, "::=", startLine));
            } else if (s.startsWith("..", pos)) {
                pos += 2;
                out.add(new Token(Token.Type.PUNCT, "..", startLine));
            } else {
                pos++;
                out.add(new Token(Token.Type.PUNCT, String.valueOf(c), startLine));
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private void skipSpaceAndComments() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\u001a') { // ^Z: DOS end-of-file marker
                pos++;
            } else if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == '-') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n' || c == '\r') {
                return;
            }
            if (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == '-') {
                // the closing "--" is exactly two dashes: in "-- a ---- b" the second pair opens a new
                // comment that hides "b", as net-snmp reads it; a lone third dash is eaten with them
                pos += 2;
                if (pos < s.length() && s.charAt(pos) == '-' && (pos + 1 >= s.length() || s.charAt(pos + 1) != '-')) {
                    pos++;
                }
                return;
            }
            pos++;
        }
    }

    /** A quoted string may span lines; a doubled quote is a quote (X.208 section 8.4... cstring). */
    private String quoted() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                if (pos < s.length() && s.charAt(pos) == '"') {
                    b.append('"');
                    pos++;
                    continue;
                }
                return b.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\r') {
                b.append(c);
            }
        }
        return b.toString(); // unterminated: the parser reports the missing rest
    }

    private Token binOrHex(int startLine) {
        int start = ++pos;
        while (pos < s.length() && s.charAt(pos) != '\'' && s.charAt(pos) != '\n') {
            pos++;
        }
        String body = s.substring(start, pos);
        if (pos < s.length() && s.charAt(pos) == '\'') {
            pos++;
        }
        char kind = pos < s.length() ? Character.toUpperCase(s.charAt(pos)) : ' ';
        if (kind == 'H' || kind == 'B') {
            pos++;
        }
        return new Token(kind == 'B' ? Token.Type.BINARY : Token.Type.HEX, body.trim(), startLine);
    }
}
