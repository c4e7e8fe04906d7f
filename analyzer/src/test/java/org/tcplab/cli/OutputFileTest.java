package org.tcplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcplab.Samples;

/**
 * Output files that are not plain files: a symbolic link keeps pointing where it did and its
 * target gets the output; a FIFO and a device are written through, as tcpdump and tshark open
 * their -w file, and stay what they are (moving a part file over them, as a regular file gets,
 * once turned this machine's /dev/null into a plain file).
 */
class OutputFileTest {
    @TempDir
    Path dir;

    private final String greeting = Samples.path("greeting.pcap").toString();

    /** What each command writes into a plain new file: the bytes every other kind of target must get. */
    private byte[] plain(List<String> command) throws Exception {
        Path out = dir.resolve("plain" + extension(command));
        run(command, out);
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private static String extension(List<String> command) {
        return command.get(0).equals("annotate") ? ".pcapng" : command.get(0).equals("report") ? ".md" : ".pcap";
    }

    private static void run(List<String> command, Path out) throws Exception {
        List<String> args = new java.util.ArrayList<>(command);
        args.add(out.toString());
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), args + ": " + r.stderr());
    }

    private List<List<String>> commands() {
        return List.of(List.of("read", greeting, "-Y", "tcp.len > 0", "-w"), List.of("annotate", greeting, "-o"),
                List.of("report", greeting, "-o"));
    }

    @Test
    void aSymbolicLink_staysALink_andItsTargetGetsTheOutput() throws Exception {
        for (List<String> command : commands()) {
            byte[] expected = plain(command);
            Path target = dir.resolve("target" + extension(command));
            Files.writeString(target, "old");
            Path link = dir.resolve("link" + extension(command));
            Files.createSymbolicLink(link, target.getFileName());
            run(command, link);
            assertTrue(Files.isSymbolicLink(link), command + ": still a link");
            assertArrayEquals(expected, Files.readAllBytes(target), command.toString());
            // a link to nothing yet: the file is made where it points
            Path dangling = dir.resolve("dangling" + extension(command));
            Path later = dir.resolve("later" + extension(command));
            Files.createSymbolicLink(dangling, later.getFileName());
            run(command, dangling);
            assertTrue(Files.isSymbolicLink(dangling), command + ": still a link");
            assertArrayEquals(expected, Files.readAllBytes(later), command.toString());
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".part")), "no part file left");
        }
    }

    @Test
    void aFifo_isWrittenThrough_toItsReader_andStaysAFifo() throws Exception {
        for (List<String> command : commands()) {
            byte[] expected = plain(command);
            Path fifo = dir.resolve("fifo" + extension(command));
            Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
            assertEquals(0, mk.waitFor());
            // the reader opens the FIFO as the command does: each waits for the other, as with tcpdump -w FIFO
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readAllBytes(fifo);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            run(command, fifo);
            assertArrayEquals(expected, read.get(30, TimeUnit.SECONDS), command.toString());
            assertTrue(attributes(fifo).isOther(), command + ": still a FIFO");
        }
    }

    @Test
    void aDevice_isWrittenThrough_andStaysADevice() throws Exception {
        // a null device of our own (c 1 3, as /dev/null): the machine's must never be the test's victim
        Path device = dir.resolve("null");
        Process mk = new ProcessBuilder("mknod", "-m", "666", device.toString(), "c", "1", "3").start();
        assumeTrue(mk.waitFor() == 0, "skipped: mknod needs root");
        for (List<String> command : commands()) {
            run(command, device);
            assertTrue(attributes(device).isOther(), command + ": still a device");
            assertEquals(0, Files.size(device), "a null device holds nothing");
        }
    }

    private static PosixFileAttributes attributes(Path p) throws Exception {
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
