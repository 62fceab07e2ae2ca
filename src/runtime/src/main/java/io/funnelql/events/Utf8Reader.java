package io.funnelql.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text of a byte stream that refuses what is not UTF-8 instead of replacing it: every
 * character before the first bad byte is delivered, then a {@link MalformedTextException}, so a
 * reader that counts lines knows exactly where the bad byte is. A UTF-16 byte-order mark is
 * refused at once (a UTF-8 one is delivered as U+FEFF for the caller to skip).
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long bytesRead;
    private boolean endOfInput;
    private boolean started;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            fill();
            if (bytes.remaining() >= 2) {
                int first = bytes.get(0) & 0xFF;
                int second = bytes.get(1) & 0xFF;
                if ((first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
                    throw new MalformedTextException("the file is UTF-16 (it starts with a UTF-16 byte-order mark); "
                            + "convert it to UTF-8: iconv -f UTF-16 -t UTF-8");
                }
            }
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    return out.position() - offset; // the good text first; the error on the next read
                }
                byte[] bad = new byte[Math.min(result.length(), bytes.remaining())];
                bytes.get(bytes.position(), bad);
                throw MalformedTextException.at(bad, bytesRead - bytes.remaining());
            }
            if (out.position() > offset) {
                return out.position() - offset;
            }
            if (endOfInput) {
                decoder.flush(out);
                return out.position() > offset ? out.position() - offset : -1;
            }
            fill();
        }
    }

    /** Reads more bytes after the ones not yet decoded; at the end of the stream sets endOfInput. */
    private void fill() throws IOException {
        bytes.compact();
        int count = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (count > 0) {
            bytes.position(bytes.position() + count);
            bytesRead += count;
        }
        bytes.flip();
        if (count < 0) {
            endOfInput = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
