/**
 * The embedded engine: plays the Lambda durable service's part on one machine, with state in one SQLite file,
 * timers, callbacks, history, and the durable REST routes on a loopback port for requests signed (SigV4) with its key.
 */
package io.leavebot.durable.engine;
