/** Test harness for the durable runtime: an in-memory service, the embedded engine per test, a Lambda-style invoker and small helpers. */
package io.leavebot.durable.testing;
