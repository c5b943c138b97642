/**
 * AWS Signature Version 4: how LeaveBot signs its calls to AWS and how the embedded engine checks the calls to its
 * Lambda API, one algorithm for both. Imports nothing else of the runtime.
 */
package io.leavebot.durable.sigv4;
