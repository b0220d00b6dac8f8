/*
 * Disk flush probe for bench/freeradius-compare.sh: how long the disk takes to make a small write
 * durable while a server under test runs. Every accounting answer of both servers waits for a WAL
 * flush (fdatasync) of PostgreSQL, so a flush that stalls for 100 ms delays every request in flight
 * for that long; this shows whether a tail in the results came from the disk. JDK only:
 *
 *   java bench/FsyncProbe.java <file> <seconds> [interval-ms]
 *
 * Writes 8 KiB at the next of 2,048 offsets of <file> (16 MiB, created, deleted afterwards), then
 * forces the data to disk (FileChannel.force(false): fdatasync on Linux), every interval-ms (20)
 * for <seconds>, and prints one line: the number of flushes, p50, p99 and max in ms, and how many
 * took over 20 ms and over 50 ms. At 50 flushes a second it adds little to the disk's load.
 */
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

public class FsyncProbe {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: FsyncProbe <file> <seconds> [interval-ms]");
        }
        Path file = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        long interval = (args.length > 2 ? Long.parseLong(args[2]) : 20) * 1_000_000L;
        ByteBuffer block = ByteBuffer.allocateDirect(8192);
        long[] micros = new long[(int) Math.min(Integer.MAX_VALUE - 8, seconds * 1_000_000_000L / interval + 16)];
        int n = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE)) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (long next = System.nanoTime(); next < end && n < micros.length; next += interval) {
                block.clear();
                channel.write(block, (n % 2048) * 8192L);
                long t0 = System.nanoTime();
                channel.force(false);
                micros[n++] = (System.nanoTime() - t0) / 1000;
                LockSupport.parkNanos(next + interval - System.nanoTime());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        long over20 = Arrays.stream(sorted).filter(us -> us > 20_000).count();
        long over50 = Arrays.stream(sorted).filter(us -> us > 50_000).count();
        System.out.printf("%d flushes, p50 %.2f ms, p99 %.2f ms, max %.1f ms, %d over 20 ms, %d over 50 ms%n", n,
                at(sorted, 0.50), at(sorted, 0.99), n == 0 ? 0.0 : sorted[n - 1] / 1000.0, over20, over50);
    }

    private static double at(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
