package org.tcplab.command;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tcplab.capture.CaptureFileException;
import org.tcplab.capture.CaptureFiles;
import org.tcplab.capture.FrameSource;
import org.tcplab.capture.LinkTypes;
import org.tcplab.wire.Bytes;

/** Opening capture files and parsing addresses for the commands, with one-line failures. */
public final class Inputs {
    private Inputs() {
    }

    public static FrameSource open(String file) {
        try {
            FrameSource source = "-".equals(file) ? CaptureFiles.open(System.in, "standard input") : CaptureFiles.open(Path.of(file));
            int lt = source.fileLinkType();
            if (lt >= 0 && !LinkTypes.isSupported(lt)) {
                source.close();
                throw new Failure(ExitCodes.BAD_INPUT, file + ": unsupported link type " + lt + " (" + LinkTypes.name(lt)
                        + "); supported: Ethernet, Linux cooked (SLL, SLL2), raw IPv4/IPv6, BSD loopback");
            }
            return source;
        } catch (NoSuchFileException e) {
            throw new Failure(ExitCodes.NOT_FOUND, "no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new Failure(ExitCodes.NO_PERMISSION, "permission denied: " + file);
        } catch (CaptureFileException e) {
            throw new Failure(ExitCodes.BAD_INPUT, prefix(file, e.getMessage()));
        } catch (IOException e) {
            throw new Failure(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
        }
    }

    /**
     * A name {@link #open} can open more than once, for a command that reads its capture twice
     * (info, explain): standard input ("-") is first copied to a temporary file, deleted at exit;
     * a file's name is itself.
     */
    public static String rereadable(String file) {
        if (!"-".equals(file)) {
            return file;
        }
        try {
            Path copy = java.nio.file.Files.createTempFile("tcplab-stdin-", ".capture");
            copy.toFile().deleteOnExit();
            java.nio.file.Files.copy(System.in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        } catch (IOException e) {
            throw new Failure(ExitCodes.BAD_INPUT, "standard input: " + e.getMessage());
        }
    }

    public static String prefix(String file, String message) {
        return message.startsWith(file) ? message : file + ": " + message;
    }

    /** A numeric IPv4 or IPv6 address as {family, hi, lo}; names are not resolved. */
    public static long[] address(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            throw new Failure(ExitCodes.USAGE, "not a numeric IP address: " + text);
        }
        try {
            byte[] a = InetAddress.getByName(text).getAddress();
            if (a.length == 4) {
                return new long[] {4, 0, Bytes.u32be(a, 0)};
            }
            return new long[] {6, Bytes.i64be(a, 0), Bytes.i64be(a, 8)};
        } catch (UnknownHostException e) {
            throw new Failure(ExitCodes.USAGE, "not a numeric IP address: " + text);
        }
    }
}
