package se.region.governance.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 connection on a plain socket, for checks at the byte level: what exactly the gateway
 * writes (header fields, framing, whether anything follows an answer's blank line) and from which
 * client address a request comes.
 */
final class RawHttp implements AutoCloseable {

    /** A response's status line and header fields, as received. */
    record Head(String statusLine, List<String[]> fields) {
        int status() {
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new AssertionError("not a status line: " + statusLine);
            }
            return Integer.parseInt(parts[1]);
        }

        /** The field's value, or null; a field sent twice fails the test. */
        String header(String name) {
            List<String> values = fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).toList();
            if (values.size() > 1) {
                throw new AssertionError(name + " sent " + values.size() + " times: " + values);
            }
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        this(port, null);
    }

    /** A connection from {@code localAddress} (e.g. 127.0.0.2: another client than the tests' usual 127.0.0.1). */
    RawHttp(int port, String localAddress) throws IOException {
        socket = new Socket();
        socket.setSoTimeout(20_000); // a guard against a hang, not an assertion on time
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String requestHead) throws IOException {
        out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    OutputStream output() {
        return out;
    }

    /** Reads up to and including the blank line that ends the head; the next byte is the body's first (if any). */
    Head readHead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + bytes.size() + " bytes of a head: " + bytes);
            }
            bytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.add(new String[]{lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim()});
        }
        return new Head(lines[0], fields);
    }

    /** Reads the body the head announces (Content-Length or chunked). */
    byte[] readBody(Head head) throws IOException {
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // trailer fields
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine();
            }
        }
        String length = head.header("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
