package org.tcplab.gen.scenario;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The coursework file transfer: the sender announces the file in one line (its name, its size in
 * bytes and its SHA-256), then sends its bytes; the receiver reads exactly that many, computes
 * the digest itself, compares, and answers "verified" or "corrupt" before both close. TCP
 * delivers a byte stream with no message boundaries, so the size in the header is how the
 * receiver knows where the file ends.
 */
public final class FileTransfer implements Scenario {
    private final long size;
    private final Path file;

    /** A generated file of this many bytes, or the given file (null: generate). */
    public FileTransfer(long size, Path file) {
        this.size = size;
        this.file = file;
    }

    @Override
    public String name() {
        return "file-transfer";
    }

    @Override
    public String description() {
        return (file == null ? "a " + size + "-byte file" : file.getFileName() + "")
                + ": its name, size and SHA-256 in one line, then its bytes; the receiver verifies the digest";
    }

    private byte[] content() throws Exception {
        if (file != null) {
            return Files.readAllBytes(file);
        }
        byte[] b = new byte[(int) size];
        java.util.SplittableRandom r = new java.util.SplittableRandom(size);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        byte[] data = content();
        String name = file == null ? "random-" + size + ".bin" : file.getFileName().toString();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        String[] verdict = new String[1];
        Exception[] failed = new Exception[1];
        try (ServerSocket server = ctx.listen(5)) {
            Thread receiver = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    String[] header = Lines.read(in).split(" ");
                    long n = Long.parseLong(header[1]);
                    byte[] got = new DataInputStream(in).readNBytes((int) n);
                    String mine = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(got));
                    verdict[0] = got.length == n && mine.equals(header[2]) ? "verified" : "corrupt";
                    ctx.say("receiver: got " + header[0] + ", " + got.length + " of " + n + " bytes; SHA-256 " + mine
                            + (verdict[0].equals("verified") ? " equals the sender's: verified" : " differs: corrupt"));
                    Lines.write(s.getOutputStream(), verdict[0] + " " + mine);
                } catch (Exception e) {
                    failed[0] = e;
                }
            }, "file-receiver");
            receiver.start();
            try (Socket c = ctx.connect()) {
                OutputStream out = c.getOutputStream();
                Lines.write(out, name + " " + data.length + " " + digest);
                out.write(data);
                out.flush();
                ctx.say("sender: " + name + ", " + data.length + " bytes, SHA-256 " + digest);
                String answer = Lines.read(c.getInputStream());
                ctx.say("sender: the receiver answered \"" + answer + "\"");
                ScenarioContext.expect(("verified " + digest).equals(answer), "the receiver answered " + answer);
            }
            receiver.join();
            ScenarioContext.expect(failed[0] == null, "the receiver failed: " + failed[0]);
            Thread.sleep(100);
            ctx.snapshotSockets("after the transfer");
        }
    }
}
