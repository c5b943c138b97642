/** Test harness for the durable runtime: an in-memory service, a Lambda-style invoker and small helpers. */
package io.leavebot.durable.testing;
