package org.tcplab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed tshark (and mergecap) for the tests that compare with it. */
public final class Tshark {
    private static Path merged;
    private static java.util.Set<String> mergedWithout = java.util.Set.of();

    private Tshark() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** tshark's standard output for these arguments (its warnings on stderr dropped). */
    public static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tshark");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark " + String.join(" ", args) + " did not finish");
        }
        return out;
    }

    /** tshark's exit code for these arguments, its output dropped. */
    public static int exitCode(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tshark");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    /**
     * Every corpus capture tshark reads whole, concatenated into one pcapng by mergecap (-a), so
     * that one tshark run covers them all; made once per test JVM.
     */
    public static Path mergedCorpus() throws IOException, InterruptedException {
        return mergedCorpus(java.util.Set.of());
    }

    /** The same without the named captures (file names), each left out for a reason its caller gives. */
    public static synchronized Path mergedCorpus(java.util.Set<String> without) throws IOException, InterruptedException {
        if (merged != null && mergedWithout.equals(without)) {
            return merged;
        }
        List<String> cmd = new ArrayList<>(List.of("mergecap", "-a", "-F", "pcapng", "-w"));
        Path out = Files.createTempFile("corpus-merged", ".pcapng");
        out.toFile().deleteOnExit();
        cmd.add(out.toString());
        for (Path conv : Corpus.expected(".conv.txt")) {
            Path capture = Corpus.captureFor(conv, ".conv.txt");
            String name = capture.getFileName().toString();
            // tshark reads these two only in part (corpus/expected/README.md): mergecap refuses them
            if (!name.equals("gopacket_le_test901.pcapng") && !name.equals("dpkt_truncated_dns_2.pcap") && !without.contains(name)) {
                cmd.add(capture.toString());
            }
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mergecap failed: " + log);
        }
        merged = out;
        mergedWithout = without;
        return out;
    }
}
