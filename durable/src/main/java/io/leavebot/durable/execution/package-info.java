/**
 * The mechanics of running a handler: reading the envelope, replaying recorded operations, issuing operation
 * ids and batching checkpoints. Internal: may change at any time.
 */
package io.leavebot.durable.execution;
