package org.tcplab.gen;

import java.util.List;
import org.tcplab.cli.Checked;
import org.tcplab.gen.scenario.Bulk;
import org.tcplab.gen.scenario.Chat;
import org.tcplab.gen.scenario.Exchange;
import org.tcplab.gen.scenario.FileTransfer;
import org.tcplab.gen.scenario.Greeting;
import org.tcplab.gen.scenario.IcmpEcho;
import org.tcplab.gen.scenario.PortScan;
import org.tcplab.gen.scenario.Scenario;
import org.tcplab.gen.scenario.Segment;
import org.tcplab.gen.scenario.UdpLossy;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options some scenarios have of their own, added to their commands at start-up. */
final class ScenarioOptions {
    private ScenarioOptions() {
    }

    static CommandLine command(Scenario s) {
        CommandSpec spec;
        CommandLine cl;
        switch (s.name()) {
            case "greeting" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Greeting(c.<Integer>option("--clients")));
                cl = new CommandLine(cmd);
                add(cl, "--clients", "1", "clients that connect at once, each served by a thread of its own", Clients.class);
            }
            case "bulk" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Bulk(c.<Long>option("--bytes")));
                cl = new CommandLine(cmd);
                add(cl, "--bytes", "2M", "bytes to send, with an optional K/M/G suffix (powers of 1024)",
                        Checked.ByteSize.class);
            }
            case "file-transfer" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> {
                    java.nio.file.Path file = c.option("--file");
                    if (file != null && java.nio.file.Files.isDirectory(file)) {
                        throw new org.tcplab.command.Failure(org.tcplab.command.ExitCodes.USAGE, file + " is a directory: give"
                                + " --file a file to send");
                    }
                    if (file != null && !java.nio.file.Files.isReadable(file)) {
                        throw new org.tcplab.command.Failure(org.tcplab.command.ExitCodes.NOT_FOUND, "cannot read " + file
                                + ": no such file, or not readable");
                    }
                    return new FileTransfer(c.<Long>option("--size"), file);
                });
                cl = new CommandLine(cmd);
                add(cl, "--size", "100000", "bytes of a generated file, with an optional K/M suffix (powers of 1024)",
                        TransferSize.class);
                cl.getCommandSpec().addOption(OptionSpec.builder("--file").paramLabel("FILE").type(java.nio.file.Path.class)
                        .description("send this file instead (at most 2 GiB: it is held in memory)").build());
            }
            case "chat" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Chat(c.<Integer>option("--clients")));
                cl = new CommandLine(cmd);
                add(cl, "--clients", "3", "clients in the room, each served by a thread of its own", ChatClients.class);
            }
            case "exchange" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Exchange(c.option("--text")));
                cl = new CommandLine(cmd);
                cl.getCommandSpec().addOption(OptionSpec.builder("--text").paramLabel("TEXT").type(String.class)
                        .defaultValue("20215120807 lyh").description("what each side sends (an id and a name) (default"
                                + " \"20215120807 lyh\")").build());
            }
            case "segment" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new Segment(c.<Integer>option("--bytes")));
                cl = new CommandLine(cmd);
                add(cl, "--bytes", "2950", "bytes in the one write (more than twice the MSS)", WriteBytes.class);
            }
            case "udp-lossy" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new UdpLossy(c.<Double>option("--drop"),
                        c.<Long>option("--seed"), c.<Integer>option("--requests")));
                cl = new CommandLine(cmd);
                add(cl, "--drop", "0.5", "probability that the server drops a request", Checked.Probability.class);
                add(cl, "--seed", "7", "seed of the drops, so that a run repeats", Checked.Seed.class);
                add(cl, "--requests", "4", "requests to send", Requests.class);
            }
            case "portscan" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> {
                    Checked.Range range = c.option("--ports");
                    c.port = range.first();
                    return new PortScan(range.count(), new int[0], c.<Integer>option("--concurrency"),
                            c.<Integer>option("--timeout-ms"), c.<Boolean>option("--all"));
                });
                cl = new CommandLine(cmd);
                // one port option: the range (the scenarios' --port would only repeat its first port)
                cl.getCommandSpec().remove(cl.getCommandSpec().findOption("--port"));
                add(cl, "--ports", "1-1024", "range to scan, FIRST-LAST", Checked.PortRange.class);
                add(cl, "--concurrency", "64", "connections tried at once (a thread each, 1-1024)", Concurrency.class);
                add(cl, "--timeout-ms", "500", "no answer within this time: filtered (1-60000)", TimeoutMillis.class);
                cl.getCommandSpec().addOption(OptionSpec.builder("--all").type(boolean.class).arity("0").initialValue(false)
                        .description("a line for every port, not only the open ones").build());
            }
            case "icmp-echo" -> {
                ScenarioCommand cmd = new ScenarioCommand(s, c -> new IcmpEcho(c.<Integer>option("--count"), 0x4242,
                        c.<String>option("--interface")));
                cl = new CommandLine(cmd);
                add(cl, "--count", "3", "echo requests to send", IcmpCount.class);
                cl.getCommandSpec().addOption(OptionSpec.builder("--interface").paramLabel("INTERFACE").type(String.class)
                        .description("interface to inject on and capture from (default: lo, or in the lab the client host's)")
                        .build());
            }
            default -> cl = new CommandLine(new ScenarioCommand(s));
        }
        spec = cl.getCommandSpec();
        spec.usageMessage().description(s.name().equals("portscan")
                ? "TCP connect scan of the --ports range: open (SYN-ACK), closed (RST), filtered (nothing)"
                : s.description());
        spec.mixinStandardHelpOptions(true);
        return cl;
    }

    /** An option of a checked type (Checked): a bad value is refused by picocli in one line, exit 2. */
    private static void add(CommandLine cl, String name, String defaultValue, String description,
                            Class<? extends CommandLine.ITypeConverter<?>> converter) {
        CommandLine.ITypeConverter<?> c;
        Class<?> type;
        try {
            c = converter.getDeclaredConstructor().newInstance();
            type = c.convert(defaultValue).getClass();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
        cl.getCommandSpec().addOption(OptionSpec.builder(name).paramLabel(name.substring(2).toUpperCase())
                .type(type).converters(c).defaultValue(defaultValue).description(description + " (default "
                        + defaultValue + ")").build());
    }

    /** segment's one write: 1 byte to 16 MiB. */
    public static final class WriteBytes extends Checked.IntRange {
        public WriteBytes() {
            super(1, 16 << 20, "a write size (1-16777216 bytes)", "0", "-1", "16777217", "big", "");
        }
    }

    /** file-transfer's generated file: 1 byte to 64 MiB (it is held in memory). */
    public static final class TransferSize implements CommandLine.ITypeConverter<Long>, Checked.Refusing {
        private final Checked.ByteSize bytes = new Checked.ByteSize();

        @Override
        public Long convert(String s) throws Exception {
            long n = bytes.convert(s);
            if (n > 64L << 20) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a file size from 1 byte to 64M");
            }
            return n;
        }

        @Override
        public List<String> refused() {
            return List.of("0", "-1", "65M", "big", "");
        }
    }

    /** chat's clients: 2 (someone to hear) to 6. */
    public static final class ChatClients extends Checked.IntRange {
        public ChatClients() {
            super(2, 6, "a number of chat clients (2-6)", "1", "0", "7", "many", "");
        }
    }

    /** greeting's clients at once, each a thread on both sides: 1 to 100. */
    public static final class Clients extends Checked.IntRange {
        public Clients() {
            super(1, 100, "a number of clients (1-100)", "0", "-1", "101", "three", "");
        }
    }

    /** udp-lossy's requests: 1 to 1000 (each may wait for retries). */
    public static final class Requests extends Checked.IntRange {
        public Requests() {
            super(1, 1000, "a number of requests (1-1000)", "0", "-1", "1001", "four", "");
        }
    }

    /** portscan's connections at once, each a thread: 1 to 1024. */
    public static final class Concurrency extends Checked.IntRange {
        public Concurrency() {
            super(1, 1024, "a number of connections at once (1-1024)", "0", "-1", "1025", "100000", "all", "");
        }
    }

    /** portscan's wait for an answer: 1 ms to 60 s. */
    public static final class TimeoutMillis extends Checked.IntRange {
        public TimeoutMillis() {
            super(1, 60_000, "a timeout in milliseconds (1-60000)", "0", "-1", "60001", "soon", "");
        }
    }

    /** ICMP echo requests: 1 to 1000 (each waits for its reply). */
    public static final class IcmpCount extends Checked.IntRange {
        public IcmpCount() {
            super(1, 1000, "a count of echo requests (1-1000)", "0", "-1", "1001", "three", "");
        }
    }
}
