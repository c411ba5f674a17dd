/**
 * Stop 3 of the tour: five requests to a slow local HTTP server, first one after the other with
 * blocking {@code HttpURLConnection}, then concurrently as {@code @Async} tasks speaking HTTP/1.0
 * over {@code dev.ratchet.net.TcpStream} on one thread. {@link
 * dev.ratchet.samples.http.SlowHttpServer} is the JDK's {@code com.sun.net.httpserver} server.
 */
package dev.ratchet.samples.http;
