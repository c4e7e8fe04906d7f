package org.tcplab.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Lines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "greeting-client", header = "Talk to the greeting server: send each name and print the replies.", mixinStandardHelpOptions = true,
        description = {"Talk to the greeting server: send each name, print the replies, then 'exit'.",
                "Names come from --names or from standard input, one per line. Reads whole lines,",
                "however TCP splits them."})
public final class GreetingClientCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ClientOptions server = new ClientOptions();

    @Option(names = "--names", split = ",", description = "names to send, e.g. Alice,Bob (default: read standard input)")
    List<String> names;

    @Override
    public Integer call() throws Exception {
        InetAddress address = server.address();
        // names typed on standard input are sent as they come: the client talks interactively
        java.util.Iterator<String> toSend = names != null ? names.iterator() : stdinLines();
        try (Socket s = new Socket(address, server.port)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            System.out.println(expectLine(in, "the greeting"));
            System.out.println(expectLine(in, "the question"));
            System.out.flush();
            while (toSend.hasNext()) {
                String n = toSend.next();
                Lines.write(out, n);
                System.out.println(expectLine(in, "the answer to " + n));
                System.out.flush();
            }
            Lines.write(out, "exit");
            System.out.println(expectLine(in, "Good bye!"));
        } catch (ConnectException e) {
            throw new Failure(ExitCodes.BAD_INPUT, "no greeting server at " + server.host + ":" + server.port
                    + " (connection refused: nothing listens there; start one with traffic-gen greeting-server --port " + server.port + ")");
        } catch (SocketException e) {
            throw new Failure(ExitCodes.BAD_INPUT, "the greeting server at " + server.host + ":" + server.port + " closed the connection ("
                    + e.getMessage() + ")");
        }
        return ExitCodes.OK;
    }

    /** Non-blank lines of standard input, read one at a time as the user types them. */
    private static java.util.Iterator<String> stdinLines() {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return r.lines().map(String::trim).filter(l -> !l.isEmpty()).iterator();
    }

    /** One whole line; a server that closes instead gets a clear message. */
    private String expectLine(InputStream in, String what) throws IOException {
        String line = Lines.read(in);
        if (line == null) {
            throw new Failure(ExitCodes.BAD_INPUT, "the greeting server at " + server.host + ":" + server.port
                    + " closed the connection before sending " + what);
        }
        return line;
    }
}
