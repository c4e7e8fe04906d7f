package org.tcplab.gen.wan;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Network namespaces per thread: setns(2) moves only the calling thread, so one JVM can make a
 * socket in the client's namespace, the next in the server's, and open a capture handle in the
 * router's. A socket, once made, stays in the namespace it was made in, whichever thread uses it
 * later; a thread started from inside one begins there too.
 */
final class Netns {
    private static final int O_RDONLY = 0;
    /** CLONE_NEWNET: setns(2) must join a network namespace, nothing else. */
    private static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(Netns.class, NativeLibrary.getInstance("c"));
    }

    private static native int open(String path, int flags);

    private static native int setns(int fd, int nstype);

    private static native int close(int fd);

    private Netns() {
    }

    /** Runs body on this thread inside the network namespace of process pid, then comes back. */
    static <T> T in(long pid, org.tcplab.gen.scenario.Hosts.Body<T> body) throws Exception {
        int home = open("/proc/thread-self/ns/net", O_RDONLY);
        if (home < 0) {
            throw new IllegalStateException("cannot open this thread's network namespace");
        }
        try {
            enter(pid);
            try {
                return body.run();
            } finally {
                if (setns(home, CLONE_NEWNET) != 0) {
                    throw new IllegalStateException("cannot return to the lab's namespace: errno " + Native.getLastError());
                }
            }
        } finally {
            close(home);
        }
    }

    /** Moves this thread for good into the network namespace of process pid (a thread of its own). */
    static void enter(long pid) {
        int fd = open("/proc/" + pid + "/ns/net", O_RDONLY);
        if (fd < 0) {
            throw new IllegalStateException("no network namespace for process " + pid);
        }
        try {
            if (setns(fd, CLONE_NEWNET) != 0) {
                throw new IllegalStateException("setns into the namespace of " + pid + " failed: errno " + Native.getLastError());
            }
        } finally {
            close(fd);
        }
    }
}
