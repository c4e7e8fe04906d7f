package org.tcplab.gen.scenario;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The chat server's room: a thread per client; a client's first line is its name, answered
 * "welcome NAME, N in the room" once it is in; each later line goes to every other client as
 * "NAME: LINE", "/quit" leaves. Joins and leaves are announced to the others. Shared by the chat scenario and the long-lived chat-server.
 */
public final class ChatRoom {
    private final List<Member> members = new ArrayList<>();
    private final Consumer<String> log;

    public ChatRoom(Consumer<String> log) {
        this.log = log;
    }

    private record Member(String name, OutputStream out) {
    }

    /** Serves one client on its own thread until it quits or goes away. */
    public void serve(Socket s) {
        Thread t = new Thread(() -> {
            Member me = null;
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                String name = Lines.read(in);
                if (name == null || name.isBlank()) {
                    return;
                }
                me = new Member(name.strip(), out);
                int present;
                synchronized (members) {
                    // those already in hear of the join before the joiner is in: nobody hears of a
                    // join after its welcome, and the joiner never hears of its own
                    others(me, me.name() + " joined");
                    members.add(me);
                    present = members.size();
                }
                // the joiner knows it is in the room before it speaks
                synchronized (out) {
                    Lines.write(out, "welcome " + me.name() + ", " + present + " in the room");
                }
                log.accept(me.name() + " joined from port " + s.getPort());
                String line;
                while ((line = Lines.read(in)) != null && !line.equals("/quit")) {
                    others(me, me.name() + ": " + line);
                }
            } catch (Exception e) {
                // the client went away: it leaves
            } finally {
                if (me != null) {
                    synchronized (members) {
                        members.remove(me);
                    }
                    log.accept(me.name() + " left");
                    others(me, me.name() + " left");
                }
            }
        }, "chat-" + s.getPort());
        t.start();
    }

    /** Sends a line to every member but one. */
    private void others(Member from, String line) {
        List<Member> to;
        synchronized (members) {
            to = new ArrayList<>(members);
        }
        for (Member m : to) {
            if (m != from) {
                try {
                    synchronized (m.out()) {
                        Lines.write(m.out(), line);
                    }
                } catch (Exception e) {
                    // that member went away; its own thread removes it
                }
            }
        }
    }
}
