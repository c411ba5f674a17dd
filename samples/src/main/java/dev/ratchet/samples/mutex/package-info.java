/**
 * Stop 5 of the tour: an async {@code dev.ratchet.sync.Mutex} held across an await by two tasks
 * on one thread, next to the lost updates of the same code without it, and why neither {@code
 * synchronized} nor a blocking lock can take its place.
 */
package dev.ratchet.samples.mutex;
