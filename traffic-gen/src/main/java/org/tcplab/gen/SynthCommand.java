package org.tcplab.gen;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tcplab.cli.Checked;
import org.tcplab.cli.OutputPaths;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth", header = "Write a large synthetic TCP capture for benchmarks (no traffic is sent).", mixinStandardHelpOptions = true,
        description = {"Write a large synthetic TCP capture (handshakes, data, delayed ACKs, FIN or RST teardowns)",
                "for benchmarks. No traffic is sent."},
        footer = {"", "Example:", "  traffic-gen synth --flows 20000 --packets 2000000 -o big.pcap"})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = "--flows", converter = Checked.Positive.class, description = "number of TCP connections (default ${DEFAULT-VALUE})")
    int flows = 20000;

    @Option(names = "--packets", converter = Checked.Count.class, description = "total packets (default ${DEFAULT-VALUE})")
    long packets = 2_000_000;

    @Option(names = "--concurrent", converter = Checked.Positive.class, description = "connections open at once, interleaved (default ${DEFAULT-VALUE})")
    int concurrent = 200;

    @Option(names = "--seed", converter = Checked.Seed.class, description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "pcap file to write")
    Path output;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkFile(output);
        SyntheticCapture synth;
        try {
            synth = new SyntheticCapture(flows, packets, concurrent, seed);
        } catch (IllegalArgumentException e) {
            throw new Failure(ExitCodes.USAGE, e.getMessage());
        }
        long start = System.nanoTime();
        SyntheticCapture.Summary s = synth.write(output);
        System.err.printf("wrote %s: %d packets, %d flows, %.1f MB in %.1f s%n", output, s.packets(), s.flows(),
                s.bytes() / 1e6, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
