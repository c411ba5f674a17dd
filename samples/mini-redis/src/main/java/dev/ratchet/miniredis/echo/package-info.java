/**
 * A TCP echo server on Ratchet ({@code TcpListener}, one task per connection, {@code
 * Executor.multiThreaded()}): the Ratchet side of the echo throughput benchmark in {@code
 * benchmarks/run-net.sh}, whose virtual-thread peer lives in the benchmarks module. Uses
 * ratchet-runtime only.
 */
package dev.ratchet.miniredis.echo;
