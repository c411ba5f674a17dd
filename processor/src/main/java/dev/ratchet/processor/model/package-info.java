/**
 * What the user wrote: the {@code @Async} methods of a class ({@link
 * dev.ratchet.processor.model.AsyncMethod}), how {@code @Async} and {@code await} are recognised
 * ({@link dev.ratchet.processor.model.AsyncElements}) and the names of the generated companion
 * classes ({@link dev.ratchet.processor.model.CompanionNames}). Uses only javax.lang.model and
 * com.sun.source.
 */
package dev.ratchet.processor.model;
