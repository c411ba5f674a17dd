/**
 * JavaPoet specs from the lowered state graph: the companion class with its entries ({@link
 * dev.ratchet.processor.codegen.CompanionWriter}), one state-machine class per method ({@link
 * dev.ratchet.processor.codegen.MachineWriter}) extending the runtime's {@code
 * dev.ratchet.internal.machine.AsyncStateMachine}. The only package that imports JavaPoet.
 * Uses lowering and model.
 */
package dev.ratchet.processor.codegen;
