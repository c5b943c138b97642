/** The AWS conformance cases for durable functions, run on the embedded engine: loader, matcher, driver, handlers. */
package io.leavebot.durable.conformance;
