/**
 * Stop 7 of the tour: an echo server ({@code dev.ratchet.net.TcpListener}, one task per
 * connection) and several concurrent clients ({@code TcpStream}) on loopback.
 */
package dev.ratchet.samples.echo;
