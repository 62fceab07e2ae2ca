package io.funnelql.events;

import java.io.IOException;
import java.util.Locale;

/** Bytes that are not UTF-8, met at {@code byteOffset} of the input: thrown by {@link Utf8Reader}. */
final class MalformedTextException extends IOException {
    MalformedTextException(String message) {
        super(message, null);
    }

    static MalformedTextException at(byte[] bytes, long byteOffset) {
        StringBuilder shown = new StringBuilder();
        for (byte b : bytes) {
            shown.append(shown.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
        }
        return new MalformedTextException("not UTF-8: byte" + (bytes.length == 1 ? " " : "s ") + shown + " at byte offset "
                + byteOffset + " (Latin-1 or Windows-1252? convert the file: iconv -f WINDOWS-1252 -t UTF-8)");
    }
}
