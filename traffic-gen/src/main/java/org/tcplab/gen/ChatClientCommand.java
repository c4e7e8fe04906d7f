package org.tcplab.gen;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.tcplab.command.ExitCodes;
import org.tcplab.command.Failure;
import org.tcplab.gen.scenario.Lines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chat-client", header = "Join the chat server: send lines typed on standard input, print what others say.",
        mixinStandardHelpOptions = true,
        description = {"Join the chat room as --name: each line typed on standard input goes to the others, what they say",
                "is printed as it comes (a thread reads the socket while the main one reads the keyboard).",
                "End of input (Ctrl-D) leaves the room."})
public final class ChatClientCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ClientOptions server = new ClientOptions();

    @Option(names = "--name", required = true, description = "your name in the room")
    String name;

    @Override
    public Integer call() throws Exception {
        if (name.isBlank() || name.contains("\n")) {
            throw new Failure(ExitCodes.USAGE, "--name must be a word or a few, on one line");
        }
        InetAddress address = server.address();
        try (Socket s = new Socket(address, server.port)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Lines.write(out, name);
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = Lines.read(in)) != null) {
                        System.out.println(line);
                        System.out.flush();
                    }
                } catch (Exception e) {
                    // the socket closed
                }
            }, "chat-reader");
            reader.setDaemon(true);
            reader.start();
            BufferedReader keyboard = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = keyboard.readLine()) != null) {
                if (!line.isBlank()) {
                    Lines.write(out, line);
                }
            }
            Lines.write(out, "/quit");
            Thread.sleep(200); // what the others said last still prints
        } catch (ConnectException e) {
            throw new Failure(ExitCodes.BAD_INPUT, "no chat server at " + server.host + ":" + server.port
                    + " (connection refused: start one with traffic-gen chat-server --port " + server.port + ")");
        }
        return ExitCodes.OK;
    }
}
